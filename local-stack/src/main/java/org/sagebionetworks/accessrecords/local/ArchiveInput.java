package org.sagebionetworks.accessrecords.local;

import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.sagebionetworks.accessrecords.core.Outcome.Accepted;
import org.sagebionetworks.accessrecords.core.validation.RawRecordParser;
import org.sagebionetworks.accessrecords.core.validation.Rejection;
import org.sagebionetworks.accessrecords.kafka.DeadLetterHeaders;
import org.sagebionetworks.accessrecords.schema.RawAccessRecordEnvelope;

/**
 * Firehose files enter as the archive loader publishes them: every line as written, broken ones too (the enricher
 * dead-letters them), keyed by its sessionId when it has a valid one; a line over the enricher's size limit goes
 * straight to the dead-letter topic as TOO_LARGE with its file and line, since the raw topic would refuse it. A line
 * Kafka refuses all the same is lost to the table, so the next send stops the run with Kafka's reason.
 */
final class ArchiveLineSink implements RawSink {

    private final KafkaProducer<byte[], byte[]> producer;
    private final String rawTopic;
    private final String deadLetterTopic;
    private final int maxRecordBytes;
    private final RawRecordParser parser = new RawRecordParser(Integer.MAX_VALUE);
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicReference<Exception> firstRefusal = new AtomicReference<>();

    ArchiveLineSink(String bootstrapServers, String rawTopic, String deadLetterTopic, int maxRecordBytes) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        // KAFKA-15591: with more in flight, an idempotent producer can lose a partition's first batch.
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 8 * 1024 * 1024);
        producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
        this.rawTopic = rawTopic;
        this.deadLetterTopic = deadLetterTopic;
        this.maxRecordBytes = maxRecordBytes;
    }

    @Override
    public void send(RawLine line) {
        requireNothingRefused();
        if (line.longerThan(maxRecordBytes)) {
            deadLetterTooLarge(line);
        } else {
            producer.send(new ProducerRecord<>(rawTopic, sessionId(line.bytes()), line.bytes()), counting(acknowledged));
        }
    }

    @Override
    public long flush() {
        producer.flush();
        requireNothingRefused();
        return acknowledged.get();
    }

    @Override
    public String summary() {
        return String.format("%d lines reached the raw topic, %d too large went to the dead-letter topic, %d refused",
                acknowledged.get(), deadLettered.get(), refused.get());
    }

    @Override
    public void close() {
        producer.close();
    }

    private void deadLetterTooLarge(RawLine line) {
        Rejection rejection = Rejection.tooLarge(line.length(), maxRecordBytes);
        RecordHeaders headers = new RecordHeaders();
        DeadLetterHeaders.addArchiveSource(headers, rejection.reason().name(), rejection.message(), line.source(),
                line.number());
        producer.send(new ProducerRecord<>(deadLetterTopic, null, null, null, line.bytes(), headers),
                counting(deadLettered));
    }

    private Callback counting(AtomicLong delivered) {
        return (metadata, error) -> {
            if (error == null) {
                delivered.incrementAndGet();
            } else {
                refused.incrementAndGet();
                firstRefusal.compareAndSet(null, error);
            }
        };
    }

    private void requireNothingRefused() {
        Exception refusal = firstRefusal.get();
        if (refusal != null) {
            throw new LinesLostException(refused.get() + " line(s) reached neither the raw topic nor the "
                    + "dead-letter topic, so the table would miss them; stopping. Kafka said: " + refusal, refusal);
        }
    }

    private byte[] sessionId(byte[] line) {
        if (parser.parse(line) instanceof Accepted<RawAccessRecordEnvelope> record) {
            return record.value().getPayload().getSessionId().getBytes(StandardCharsets.UTF_8);
        }
        return null;
    }
}
