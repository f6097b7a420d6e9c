package org.sagebionetworks.accessrecords.publisher;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.sagebionetworks.accessrecords.core.Outcome;
import org.sagebionetworks.accessrecords.core.validation.RawRecordParser;
import org.sagebionetworks.accessrecords.core.validation.Rejection;
import org.sagebionetworks.accessrecords.schema.RawAccessRecord;
import org.sagebionetworks.accessrecords.schema.RawAccessRecordEnvelope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes Synapse's raw access records to the raw topic, beside (not instead of) the Firehose logger. Each record
 * is checked with the enrichment core's rules first, so what the pipeline would reject never leaves the host; a
 * valid one is sent keyed by its sessionId and stamped with its payload timestamp by an idempotent producer.
 *
 * <p>{@code publish} is safe from any number of threads, returns after at most max.block.ms spent in Kafka (zero
 * under the default {@link BufferFullPolicy#DROP}) plus validation, and never throws: every outcome is counted in
 * {@link #stats()}. Create one per process and {@link #close()} it on shutdown.
 */
public final class AccessRecordPublisher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AccessRecordPublisher.class);
    private static final byte[] NOTHING = new byte[0];

    private final Producer<byte[], byte[]> producer;
    private final String topic;
    private final Duration closeTimeout;
    private final RawRecordParser parser;
    private final PublisherMetrics metrics = new PublisherMetrics();
    private final OncePerKindLog log = new OncePerKindLog(LOG);
    private final AtomicBoolean closed = new AtomicBoolean();

    /** Connects to the cluster, waiting up to {@link PublisherConfig#startupWait()} for the topic's metadata. */
    public AccessRecordPublisher(PublisherConfig config) {
        this(config, new KafkaProducer<>(ProducerSettings.of(config)));
        TopicMetadata.await(producer, topic, config.startupWait());
    }

    AccessRecordPublisher(PublisherConfig config, Producer<byte[], byte[]> producer) {
        this.producer = producer;
        this.topic = config.topic();
        this.closeTimeout = config.closeTimeout();
        this.parser = new RawRecordParser(config.maxRecordBytes());
    }

    /** One envelope, exactly the JSON line Synapse gives Firehose; it is sent byte for byte as UTF-8. */
    public void publish(String envelopeJson) {
        publish(() -> envelopeJson == null ? NOTHING : envelopeJson.getBytes(StandardCharsets.UTF_8));
    }

    /** One typed envelope; it is sent as the same JSON line Synapse gives Firehose. */
    public void publish(RawAccessRecordEnvelope envelope) {
        publish(() -> envelope == null ? NOTHING : EnvelopeJson.toBytes(envelope));
    }

    /** The counters and latencies so far; cheap enough to call every few seconds. */
    public PublisherStats stats() {
        return metrics.snapshot();
    }

    /** {@link #close(Duration)} with {@link PublisherConfig#closeTimeout()}. */
    @Override
    public void close() {
        close(closeTimeout);
    }

    /**
     * Sends what is buffered, waiting at most {@code timeout}; records still unsent then are counted as failed.
     * Records published after this are dropped as {@link DropReason#CLOSED}. Never throws.
     */
    public void close(Duration timeout) {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            producer.close(timeout);
        } catch (RuntimeException e) {
            LOG.warn("closing the Kafka producer failed: {}", e.toString());
        }
    }

    /** The publish-call latency includes turning a typed envelope into JSON: the caller waits for that too. */
    private void publish(Supplier<byte[]> json) {
        long start = System.nanoTime();
        metrics.published();
        try {
            send(json.get(), start);
        } catch (RuntimeException e) {
            unexpected(e);
        } finally {
            metrics.publishReturned(System.nanoTime() - start);
        }
    }

    private void send(byte[] json, long start) {
        if (closed.get()) {
            metrics.dropped(DropReason.CLOSED);
            return;
        }
        Outcome<RawAccessRecordEnvelope> outcome = parser.parse(json);
        if (outcome instanceof Outcome.Rejected<RawAccessRecordEnvelope> rejected) {
            invalid(rejected.rejection());
            return;
        }
        RawAccessRecord payload =
                ((Outcome.Accepted<RawAccessRecordEnvelope>) outcome).value().getPayload();
        byte[] key = payload.getSessionId().getBytes(StandardCharsets.UTF_8);
        producer.send(
                new ProducerRecord<>(topic, null, payload.getTimestamp(), key, json),
                new DeliveryCallback(metrics, log, start));
    }

    private void invalid(Rejection rejection) {
        metrics.invalid(rejection.reason());
        log.warn(
                "invalid " + rejection.reason(),
                () -> rejection.field() == null ? rejection.detail() : rejection.field() + ": " + rejection.detail());
    }

    /** Whatever send() throws instead of reporting (a closed producer, an interrupt, a defect) still ends here. */
    private void unexpected(RuntimeException e) {
        if (closed.get()) {
            metrics.dropped(DropReason.CLOSED);
        } else {
            metrics.failed();
            log.warn("failed " + e.getClass().getSimpleName(), e::toString);
        }
    }
}
