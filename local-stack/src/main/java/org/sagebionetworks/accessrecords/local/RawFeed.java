package org.sagebionetworks.accessrecords.local;

import java.util.Iterator;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/** Feeds lines to a {@link RawSink} at most {@code ratePerSecond} (unlimited when not positive). */
final class RawFeed {

    private final RawSink sink;
    private final AtomicLong fed = new AtomicLong();

    RawFeed(RawSink sink) {
        this.sink = sink;
    }

    /** Feeds lines until there are no more or {@code stop} says so. */
    void send(Iterator<RawLine> lines, double ratePerSecond, BooleanSupplier stop) throws InterruptedException {
        long started = System.nanoTime();
        long count = 0;
        while (lines.hasNext() && !stop.getAsBoolean()) {
            sink.send(lines.next());
            fed.incrementAndGet();
            count++;
            if (ratePerSecond > 0) {
                long wait = started + (long) (count * 1_000_000_000L / ratePerSecond) - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
            }
        }
    }

    long fed() {
        return fed.get();
    }
}
