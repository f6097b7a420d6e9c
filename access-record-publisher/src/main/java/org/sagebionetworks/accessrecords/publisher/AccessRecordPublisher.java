package org.sagebionetworks.accessrecords.publisher;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
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
 * is checked with raw-validation's rules (the service's too) first, so what the pipeline would reject never leaves
 * the host; a valid one is sent keyed by its sessionId and stamped with its payload timestamp by an idempotent
 * producer.
 *
 * <p>{@code publish} and {@code publishBatch} are safe from any number of threads, spend at most max.block.ms in
 * Kafka per record (zero under the default {@link BufferFullPolicy#DROP}) plus validation, and never throw: every
 * outcome is counted in {@link #stats()}. Create one per process and {@link #close()} it on shutdown.
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
        publish(envelopeJson, BatchResult.Tally.NONE);
    }

    /**
     * A batch of envelopes, as Synapse's timer thread hands them to Firehose: each is published as by
     * {@link #publish(String)}, in order. Returns once every record is buffered or refused, never throws, and
     * says in its result how many were refused and why (each also counted in {@link #stats()} and logged once per
     * kind); the delivery of the accepted ones ends later, in the stats. Under {@link BufferFullPolicy#BLOCK} each
     * record may wait up to max block for buffer space; under the default {@link BufferFullPolicy#DROP} none waits.
     */
    public BatchResult publishBatch(List<String> envelopeJsonLines) {
        BatchResult.Tally tally = new BatchResult.Tally();
        if (envelopeJsonLines != null) {
            for (String line : envelopeJsonLines) {
                publish(line, tally);
            }
        }
        return tally.result();
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

    /** The publish-call latency includes encoding the line as UTF-8: the caller waits for that too. */
    private void publish(String envelopeJson, BatchResult.Tally tally) {
        long start = System.nanoTime();
        metrics.published();
        tally.published();
        try {
            send(envelopeJson == null ? NOTHING : envelopeJson.getBytes(StandardCharsets.UTF_8), start, tally);
        } catch (RuntimeException e) {
            unexpected(e, tally);
        } finally {
            metrics.publishReturned(System.nanoTime() - start);
        }
    }

    private void send(byte[] json, long start, BatchResult.Tally tally) {
        if (closed.get()) {
            dropClosed(tally);
            return;
        }
        Outcome<RawAccessRecordEnvelope> outcome = parser.parse(json);
        if (outcome instanceof Outcome.Rejected) {
            invalid(((Outcome.Rejected<RawAccessRecordEnvelope>) outcome).rejection(), tally);
            return;
        }
        RawAccessRecord payload =
                ((Outcome.Accepted<RawAccessRecordEnvelope>) outcome).value().getPayload();
        byte[] key = payload.getSessionId().getBytes(StandardCharsets.UTF_8);
        DeliveryCallback callback = new DeliveryCallback(metrics, log, start, tally);
        producer.send(new ProducerRecord<>(topic, null, payload.getTimestamp(), key, json), callback);
        if (!callback.refusedAtOnce()) {
            tally.accepted();
        }
    }

    private void dropClosed(BatchResult.Tally tally) {
        metrics.dropped(DropReason.CLOSED);
        tally.dropped(DropReason.CLOSED);
    }

    private void invalid(Rejection rejection, BatchResult.Tally tally) {
        metrics.invalid(rejection.reason());
        tally.invalid(rejection.reason());
        log.warn(
                "invalid " + rejection.reason(),
                () -> rejection.field() == null ? rejection.detail() : rejection.field() + ": " + rejection.detail());
    }

    /** Whatever send() throws instead of reporting (a closed producer, an interrupt, a defect) still ends here. */
    private void unexpected(RuntimeException e, BatchResult.Tally tally) {
        if (closed.get()) {
            dropClosed(tally);
        } else {
            metrics.failed();
            tally.failed();
            log.warn("failed " + e.getClass().getSimpleName(), e::toString);
        }
    }
}
