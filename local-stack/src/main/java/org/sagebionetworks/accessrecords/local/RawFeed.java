package org.sagebionetworks.accessrecords.local;

import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.sagebionetworks.accessrecords.core.Outcome.Accepted;
import org.sagebionetworks.accessrecords.core.validation.RawRecordParser;
import org.sagebionetworks.accessrecords.schema.RawAccessRecordEnvelope;

/**
 * Sends raw lines to the raw topic as Synapse does: the line's bytes unchanged, keyed by its sessionId (a line
 * without one goes unkeyed, and the enricher dead-letters it), at most {@code ratePerSecond} when that is
 * positive.
 */
final class RawFeed implements AutoCloseable {

    private final KafkaProducer<byte[], byte[]> producer;
    private final RawRecordParser parser = new RawRecordParser(Integer.MAX_VALUE);
    private final AtomicLong sent = new AtomicLong();

    RawFeed(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 8 * 1024 * 1024);
        producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** Sends lines until there are no more or {@code stop} says so; returns how many were sent. */
    long send(Iterator<byte[]> lines, double ratePerSecond, BooleanSupplier stop) throws InterruptedException {
        long started = System.nanoTime();
        long count = 0;
        while (lines.hasNext() && !stop.getAsBoolean()) {
            send(lines.next());
            count++;
            if (ratePerSecond > 0) {
                long due = started + (long) (count * 1_000_000_000L / ratePerSecond);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
            }
        }
        producer.flush();
        return count;
    }

    void send(byte[] line) {
        producer.send(new ProducerRecord<>(StackSettings.RAW_TOPIC, sessionId(line), line));
        sent.incrementAndGet();
    }

    long sent() {
        return sent.get();
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
