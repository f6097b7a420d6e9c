package org.sagebionetworks.accessrecords.local;

import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.sagebionetworks.accessrecords.core.Outcome.Accepted;
import org.sagebionetworks.accessrecords.core.validation.RawRecordParser;
import org.sagebionetworks.accessrecords.schema.RawAccessRecordEnvelope;

/**
 * Firehose files enter as the archive does: every line as written, broken ones too (the enricher dead-letters
 * them), keyed by its sessionId when it has a valid one.
 */
final class ArchiveLineSink implements RawSink {

    private final KafkaProducer<byte[], byte[]> producer;
    private final RawRecordParser parser = new RawRecordParser(Integer.MAX_VALUE);
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    ArchiveLineSink(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        // KAFKA-15591: with more in flight, an idempotent producer can lose a partition's first batch.
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 8 * 1024 * 1024);
        producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }

    @Override
    public void send(byte[] line) {
        producer.send(new ProducerRecord<>(StackSettings.RAW_TOPIC, sessionId(line), line),
                (metadata, error) -> (error == null ? acknowledged : failed).incrementAndGet());
    }

    @Override
    public long flush() {
        producer.flush();
        return acknowledged.get();
    }

    @Override
    public String summary() {
        return String.format("%d lines reached the raw topic, %d failed", acknowledged.get(), failed.get());
    }

    @Override
    public void close() {
        producer.close();
    }

    private byte[] sessionId(byte[] line) {
        if (parser.parse(line) instanceof Accepted<RawAccessRecordEnvelope> record) {
            return record.value().getPayload().getSessionId().getBytes(StandardCharsets.UTF_8);
        }
        return null;
    }
}
