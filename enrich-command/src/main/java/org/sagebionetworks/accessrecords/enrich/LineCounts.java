package org.sagebionetworks.accessrecords.enrich;

/** What one run of the enrich command did; every line read is either written or rejected. */
final class LineCounts {

    private final long startNanos = System.nanoTime();
    private long read;
    private long written;
    private long rejected;
    private long unreadableSources;

    void countWritten() {
        read++;
        written++;
    }

    void countRejected() {
        read++;
        rejected++;
    }

    void countUnreadableSource() {
        unreadableSources++;
    }

    long read() {
        return read;
    }

    long written() {
        return written;
    }

    long rejected() {
        return rejected;
    }

    long unreadableSources() {
        return unreadableSources;
    }

    double elapsedSeconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    double recordsPerSecond() {
        double seconds = elapsedSeconds();
        return seconds > 0 ? read / seconds : 0;
    }
}
