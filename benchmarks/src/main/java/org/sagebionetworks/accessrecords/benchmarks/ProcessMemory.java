package org.sagebionetworks.accessrecords.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Resident memory of a process the harnesses started, read from Linux's /proc by the harness: sampling costs the
 * measured process nothing, unlike a scrape of its /prometheus endpoint or a {@code jcmd} attach.
 */
final class ProcessMemory {

    private final long pid;
    private long peakKb;
    private long lastKb;

    ProcessMemory(long pid) {
        this.pid = pid;
    }

    /** Reads the current RSS; a process that has just exited keeps the last reading. */
    void sample() {
        long kb = rssKb(pid);
        if (kb > 0) {
            lastKb = kb;
            peakKb = Math.max(peakKb, kb);
        }
    }

    long peakMiB() {
        return peakKb >> 10;
    }

    long lastMiB() {
        return lastKb >> 10;
    }

    private static long rssKb(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
                    .filter(l -> l.startsWith("VmRSS:"))
                    .mapToLong(l -> Long.parseLong(l.replaceAll("[^0-9]", "")))
                    .findFirst()
                    .orElse(0);
        } catch (IOException e) {
            return 0;
        }
    }
}
