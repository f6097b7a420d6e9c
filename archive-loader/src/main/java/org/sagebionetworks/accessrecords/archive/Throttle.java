package org.sagebionetworks.accessrecords.archive;

/**
 * An optional ceiling on records per second, so a backfill can share a busy cluster with the live stream.
 * It sleeps only when the run is ahead of the allowed pace; zero means no ceiling.
 */
final class Throttle {

    private final double nanosPerRecord;
    private final long start = System.nanoTime();
    private long records;

    Throttle(long maxRecordsPerSecond) {
        this.nanosPerRecord = maxRecordsPerSecond <= 0 ? 0 : 1e9 / maxRecordsPerSecond;
    }

    void acquire() throws InterruptedException {
        if (nanosPerRecord == 0) {
            return;
        }
        long due = start + (long) (++records * nanosPerRecord);
        long ahead = due - System.nanoTime();
        if (ahead > 1_000_000) {
            Thread.sleep(ahead / 1_000_000, (int) (ahead % 1_000_000));
        }
    }
}
