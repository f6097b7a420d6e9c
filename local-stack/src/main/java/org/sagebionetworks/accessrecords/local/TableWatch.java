package org.sagebionetworks.accessrecords.local;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Waits until what was fed is in the table: until enricher-service has read every raw record, then until the
 * sink has caught up (no new file for a while: what is left sits in open files), then, after those are flushed,
 * until the table holds every row the enricher wrote. Flushing earlier would write each unread row on its own.
 */
final class TableWatch {

    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration QUIET = Duration.ofSeconds(3);

    private final LocalStack stack;
    private final SinkSpec sink;
    private final TableCounts table;

    TableWatch(LocalStack stack, SinkSpec sink, TableCounts table) {
        this.stack = stack;
        this.sink = sink;
        this.table = table;
    }

    /** True when every one of {@code fed} records reached the table (or the dead-letter topic) in time. */
    boolean awaitDrained(long fed, Duration patience) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        if (!await(() -> stack.enricherCount(ServiceCounters.IN), fed, deadline)) {
            return false;
        }
        awaitQuiet(deadline);
        stack.flushOpenFiles(sink);
        long out = stack.enricherCount(ServiceCounters.OUT);
        return await(this::rowsUnlessTheSinkFailed, out, deadline);
    }

    private long rowsUnlessTheSinkFailed() {
        stack.sinkFailure(sink).ifPresent(failure -> {
            throw new IllegalStateException(failure);
        });
        return table.rows();
    }

    private void awaitQuiet(long deadline) throws InterruptedException {
        long files = table.files();
        long quietSince = System.nanoTime();
        while (System.nanoTime() - quietSince < QUIET.toNanos() && System.nanoTime() < deadline) {
            Thread.sleep(POLL.toMillis());
            long now = table.files();
            if (now != files) {
                files = now;
                quietSince = System.nanoTime();
            }
        }
    }

    private static boolean await(LongSupplier actual, long target, long deadline) throws InterruptedException {
        while (actual.getAsLong() < target) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(POLL.toMillis());
        }
        return true;
    }
}
