package org.sagebionetworks.accessrecords.archive;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.sagebionetworks.accessrecords.core.validation.Rejection;
import org.sagebionetworks.accessrecords.kafka.DeadLetterHeaders;

/**
 * The loader's one transactional producer: records to the raw topic, dead letters, and the progress record that
 * accounts for them, committed together. Its transactional id belongs to the archive (bucket and prefix), not to
 * the range, so starting any loader of the archive fences an earlier one that is still running or hung, whatever
 * its range, and aborts what that one left open: one loader writes an archive's progress at a time, and it reads
 * that progress only after the fencing, so two loaders of overlapping ranges cannot both publish the same days.
 */
final class ArchivePublisher implements AutoCloseable {

    private final KafkaProducer<byte[], byte[]> producer;
    private final String rawTopic;
    private final String deadLetterTopic;
    private final String transactionalId;

    ArchivePublisher(
            Map<String, Object> clientSettings,
            String transactionalId,
            String rawTopic,
            String deadLetterTopic,
            int maxRecordBytes) {
        Map<String, Object> settings = new HashMap<>(clientSettings);
        settings.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        // Batching is what makes a backfill fast; lz4 is cheap on the loader's and the brokers' CPU.
        settings.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        settings.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        settings.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        settings.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Math.max(maxRecordBytes + 64 * 1024, 1_048_576));
        this.producer = new KafkaProducer<>(settings, new ByteArraySerializer(), new ByteArraySerializer());
        this.rawTopic = rawTopic;
        this.deadLetterTopic = deadLetterTopic;
        this.transactionalId = transactionalId;
        producer.initTransactions();
    }

    void begin() {
        producer.beginTransaction();
    }

    /** Keyed by sessionId like Synapse's publisher, so the record meets its live twin on the same partition. */
    void publish(String sessionId, byte[] line, long requestMillis) {
        producer.send(
                new ProducerRecord<>(rawTopic, null, requestMillis, sessionId.getBytes(StandardCharsets.UTF_8), line));
    }

    /** Stamped with the time it was written, as the service's dead letters are. */
    void deadLetter(byte[] line, Rejection rejection, ArchiveObject object, long lineNumber) {
        producer.send(new ProducerRecord<>(
                deadLetterTopic,
                null,
                null,
                null,
                line,
                DeadLetterHeaders.addArchiveSource(
                        new RecordHeaders(),
                        rejection.reason().name(),
                        rejection.message(),
                        object.uri(),
                        lineNumber)));
    }

    /**
     * Sends the progress record and commits; throws if any send of the transaction failed, after aborting it,
     * because an open transaction holds back every read_committed reader of the raw topic (the live service too).
     */
    void commit(ProducerRecord<byte[], byte[]> progress) {
        try {
            producer.send(progress);
            producer.commitTransaction();
        } catch (KafkaException e) {
            abortQuietly(e);
            throw e;
        }
    }

    /** Aborts the open transaction unless this producer was fenced, in which case its successor aborts it. */
    void abortQuietly(KafkaException cause) {
        if (fenced(cause)) {
            return;
        }
        try {
            producer.abortTransaction();
        } catch (KafkaException e) {
            cause.addSuppressed(e);
        }
    }

    /** What to tell the operator when Kafka refused: {@code otherwise}, unless another loader took over. */
    String refusal(KafkaException cause, String otherwise) {
        if (!fenced(cause)) {
            return otherwise;
        }
        return "Another load-archive of this archive started (transactional id " + transactionalId + ") and took "
                + "over: one loader runs per archive at a time. This one stops; its open transaction is aborted, and "
                + "that run, or any later one, goes on from the last commit.";
    }

    private static boolean fenced(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof ProducerFencedException || t instanceof InvalidProducerEpochException) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        producer.close();
    }
}
