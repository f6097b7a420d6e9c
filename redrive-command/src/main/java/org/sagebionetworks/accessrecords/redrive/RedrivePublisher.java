package org.sagebionetworks.accessrecords.redrive;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The redrive's one transactional producer: copies to the raw topic and their progress records, committed
 * together. Its transactional id belongs to the dead-letter topic, so a redrive of that topic fences any earlier
 * one still running or hung and aborts what it left open before this one reads the progress.
 */
final class RedrivePublisher implements AutoCloseable {

    /** Room for the largest dead letter the service writes (8 MiB by default); the raw topic has the last word. */
    private static final int MAX_REQUEST_BYTES = 16 * 1024 * 1024;

    private final KafkaProducer<byte[], byte[]> producer;
    private final String transactionalId;
    private boolean open;

    RedrivePublisher(Map<String, Object> clientSettings, String transactionalId) {
        Map<String, Object> settings = new HashMap<>(clientSettings);
        settings.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, MAX_REQUEST_BYTES);
        this.producer = new KafkaProducer<>(settings, new ByteArraySerializer(), new ByteArraySerializer());
        this.transactionalId = transactionalId;
        producer.initTransactions();
    }

    void send(ProducerRecord<byte[], byte[]> copy, ProducerRecord<byte[], byte[]> progress) {
        if (!open) {
            producer.beginTransaction();
            open = true;
        }
        producer.send(copy);
        producer.send(progress);
    }

    /** Commits what was sent; on failure aborts (unless fenced) and says why, then throws. */
    void commit() {
        if (!open) {
            return;
        }
        try {
            producer.commitTransaction();
            open = false;
        } catch (KafkaException e) {
            abort();
            throw new IllegalStateException(refusal(e), e);
        }
    }

    /** Drops what was sent since the last commit. */
    void abort() {
        if (!open) {
            return;
        }
        open = false;
        try {
            producer.abortTransaction();
        } catch (ProducerFencedException | InvalidProducerEpochException e) {
            // The redrive that fenced this one has aborted the transaction already.
        }
    }

    private String refusal(KafkaException cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof ProducerFencedException || t instanceof InvalidProducerEpochException) {
                return "Another redrive of this dead-letter topic started (transactional id " + transactionalId
                        + ") and took over; this one stops. What it had not committed is not redriven: run again.";
            }
        }
        return "Kafka refused the redrive's records (" + cause + "); the transaction was aborted and nothing of it "
                + "is redriven. Fix the cause and run again: letters committed before are skipped.";
    }

    @Override
    public void close() {
        producer.close();
    }
}
