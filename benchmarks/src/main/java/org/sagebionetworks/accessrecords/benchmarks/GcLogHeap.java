package org.sagebionetworks.accessrecords.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The heap of a measured JVM from its own GC log ({@code -Xlog:gc}), read once after the run. The JVM writes a line
 * per collection anyway, so this costs the measured process nothing, where polling its heap (a /prometheus scrape,
 * {@code jcmd GC.heap_info}) every 500 ms took CPU from it. The heap used just before a collection is the most it
 * held; just after, what was still live.
 */
final class GcLogHeap {

    private static final Pattern BEFORE_AFTER = Pattern.compile("(\\d+)([KMG])->(\\d+)([KMG])\\(");

    private final Path log;

    GcLogHeap(Path log) {
        this.log = log;
    }

    static GcLogHeap inTempFile() throws IOException {
        return new GcLogHeap(Files.createTempFile("bench-gc", ".log"));
    }

    String jvmOption() {
        return "-Xlog:gc:file=" + log;
    }

    /** The most heap used at any collection, MiB; 0 when the JVM never collected. */
    long peakBeforeGcMiB() throws IOException {
        return max(1, 2);
    }

    /** The largest heap left after a collection (the live set at its highest), MiB. */
    long maxAfterGcMiB() throws IOException {
        return max(3, 4);
    }

    private long max(int valueGroup, int unitGroup) throws IOException {
        List<String> lines = Files.readAllLines(log);
        long max = 0;
        for (String line : lines) {
            Matcher matcher = BEFORE_AFTER.matcher(line);
            if (matcher.find()) {
                max = Math.max(max, mib(Long.parseLong(matcher.group(valueGroup)), matcher.group(unitGroup)));
            }
        }
        return max;
    }

    private static long mib(long value, String unit) {
        return switch (unit) {
            case "K" -> value >> 10;
            case "G" -> value << 10;
            default -> value;
        };
    }
}
