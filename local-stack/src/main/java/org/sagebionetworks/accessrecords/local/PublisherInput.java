package org.sagebionetworks.accessrecords.local;

import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.sagebionetworks.accessrecords.publisher.AccessRecordPublisher;
import org.sagebionetworks.accessrecords.publisher.BufferFullPolicy;
import org.sagebionetworks.accessrecords.publisher.PublisherConfig;
import org.sagebionetworks.accessrecords.publisher.PublisherStats;
import org.sagebionetworks.accessrecords.schema.SharedNames;

/**
 * Synthetic traffic enters as Synapse's would: through access-record-publisher, which keys and stamps each
 * record and refuses the ones the core's rules reject before they are sent, at most {@code ratePerSecond} lines a
 * second (no limit when not positive). The generator waits when the buffer is full rather than losing records,
 * since it, unlike Synapse, has nothing better to do.
 */
final class PublisherInput implements RawInput {

    private static final Duration FLUSH_PATIENCE = Duration.ofSeconds(60);

    private final AccessRecordPublisher publisher;
    private final Iterator<String> lines;
    private final double ratePerSecond;
    private final AtomicLong fed = new AtomicLong();

    PublisherInput(String bootstrapServers, Iterator<String> lines, double ratePerSecond) {
        this.publisher = new AccessRecordPublisher(PublisherConfig.builder(bootstrapServers)
                .topic(SharedNames.RAW_TOPIC)
                .clientId("local-stack-synapse")
                .bufferFullPolicy(BufferFullPolicy.BLOCK)
                .maxBlock(Duration.ofSeconds(10))
                .build());
        this.lines = lines;
        this.ratePerSecond = ratePerSecond;
    }

    @Override
    public void feed(BooleanSupplier stop) throws InterruptedException {
        long started = System.nanoTime();
        while (lines.hasNext() && !stop.getAsBoolean()) {
            publisher.publish(lines.next());
            long count = fed.incrementAndGet();
            if (ratePerSecond > 0) {
                long wait = started + (long) (count * 1_000_000_000L / ratePerSecond) - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
            }
        }
    }

    @Override
    public long fed() {
        return fed.get();
    }

    /** The publisher flushes only by closing; the local stack sends nothing after it flushed. */
    @Override
    public long delivered() {
        publisher.close(FLUSH_PATIENCE);
        return publisher.stats().sent();
    }

    @Override
    public String summary() {
        PublisherStats stats = publisher.stats();
        return String.format(
                "the publisher sent %d, refused %d invalid, dropped %d, failed %d",
                stats.sent(), stats.invalid(), stats.dropped(), stats.failed());
    }

    @Override
    public void close() {
        publisher.close(FLUSH_PATIENCE);
    }
}
