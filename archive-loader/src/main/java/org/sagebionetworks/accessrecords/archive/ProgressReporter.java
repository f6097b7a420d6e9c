package org.sagebionetworks.accessrecords.archive;

import java.io.PrintStream;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows how far the load is: on a terminal one line rewritten in place every second; otherwise (ECS, CI, a
 * pipe) a log line every interval, which is what log collectors keep. ETA is from the gzip bytes still to read.
 */
final class ProgressReporter {

    private static final Logger LOG = LoggerFactory.getLogger(ProgressReporter.class);
    private static final long TERMINAL_INTERVAL_NANOS = 1_000_000_000L;

    private final LoadStats stats;
    private final PrintStream terminal;
    private final long intervalNanos;
    private long lastReport = System.nanoTime();

    /** @param terminal where to draw the live line, or null to log instead */
    ProgressReporter(LoadStats stats, PrintStream terminal, Duration logInterval) {
        this.stats = stats;
        this.terminal = terminal;
        this.intervalNanos = terminal != null ? TERMINAL_INTERVAL_NANOS : logInterval.toNanos();
    }

    /** Cheap enough to call per line: reports only when the interval has passed. */
    void maybeReport() {
        long now = System.nanoTime();
        if (now - lastReport >= intervalNanos) {
            lastReport = now;
            report();
        }
    }

    /** Ends the live line so the summary starts on its own. */
    void finish() {
        report();
        if (terminal != null) {
            terminal.println();
        }
    }

    private void report() {
        String line = line();
        if (terminal != null) {
            terminal.print("\r" + line + "   ");
            terminal.flush();
        } else {
            LOG.info(line);
        }
    }

    String line() {
        double seconds = Math.max(stats.seconds(), 1e-3);
        double bytesPerSecond = stats.bytesRead / seconds;
        long bytesLeft = Math.max(stats.bytesToRead - stats.bytesRead, 0);
        String eta = bytesPerSecond > 0 ? formatDuration((long) (bytesLeft / bytesPerSecond)) : "?";
        return String.format(
                "objects %d/%d (%d already done), records %,d, %.1f/%.1f MB gzip, %,.0f records/s, "
                        + "%.1f MB/s, ETA %s",
                stats.objectsFinished + stats.failedObjects.size(),
                stats.objectsToLoad,
                stats.objectsAlreadyDone,
                stats.linesRead,
                stats.bytesRead / 1e6,
                stats.bytesToRead / 1e6,
                stats.linesRead / seconds,
                bytesPerSecond / 1e6,
                eta);
    }

    private static String formatDuration(long seconds) {
        return String.format("%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }
}
