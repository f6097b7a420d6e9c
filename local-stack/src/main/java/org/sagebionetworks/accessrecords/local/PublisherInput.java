package org.sagebionetworks.accessrecords.local;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.sagebionetworks.accessrecords.publisher.AccessRecordPublisher;
import org.sagebionetworks.accessrecords.publisher.BufferFullPolicy;
import org.sagebionetworks.accessrecords.publisher.PublisherConfig;
import org.sagebionetworks.accessrecords.publisher.PublisherStats;

/**
 * Synthetic traffic enters as Synapse's would: through access-record-publisher, which keys and stamps each
 * record and refuses the ones the core's rules reject before they are sent. The generator waits when the buffer
 * is full rather than losing records, since it, unlike Synapse, has nothing better to do.
 */
final class SynapsePublisherSink implements RawSink {

    private static final Duration FLUSH_PATIENCE = Duration.ofSeconds(60);

    private final AccessRecordPublisher publisher;

    SynapsePublisherSink(String bootstrapServers) {
        publisher = new AccessRecordPublisher(PublisherConfig.builder(bootstrapServers)
                .topic(StackSettings.RAW_TOPIC)
                .clientId("local-stack-synapse")
                .bufferFullPolicy(BufferFullPolicy.BLOCK)
                .maxBlock(Duration.ofSeconds(10))
                .build());
    }

    @Override
    public void send(RawLine line) {
        publisher.publish(new String(line.bytes(), StandardCharsets.UTF_8));
    }

    /** The publisher flushes only by closing; the local stack sends nothing after it flushed. */
    @Override
    public long flush() {
        publisher.close(FLUSH_PATIENCE);
        return publisher.stats().sent();
    }

    @Override
    public String summary() {
        PublisherStats stats = publisher.stats();
        return String.format("the publisher sent %d, refused %d invalid, dropped %d, failed %d", stats.sent(),
                stats.invalid(), stats.dropped(), stats.failed());
    }

    @Override
    public void close() {
        publisher.close(FLUSH_PATIENCE);
    }
}
