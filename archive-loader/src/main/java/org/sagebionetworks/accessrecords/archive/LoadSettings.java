package org.sagebionetworks.accessrecords.archive;

import java.time.Duration;
import org.sagebionetworks.accessrecords.kafka.KafkaClientSettings;

/**
 * Everything one load needs: load-archive's options, or what the local stack sets for its input files.
 *
 * @param kafkaTimeout        bound on each Kafka request
 * @param transactionalId     Kafka transactional.id; null for the archive's own ({@link ArchiveLocation#transactionalId})
 * @param maxRecordBytes      longer lines are dead-lettered as TOO_LARGE, as the service does
 * @param transactionRecords  most lines per transaction (each also lasts at most a second)
 * @param maxRecordsPerSecond a ceiling on the publishing rate; 0 for none
 * @param progressInterval    how often progress is logged when not drawn on a terminal
 * @param restartRewritten    read an object whose ETag changed since an earlier load from its first line
 */
public record LoadSettings(
        ArchiveLocation archive,
        LoadRange range,
        KafkaClientSettings kafka,
        Duration kafkaTimeout,
        LoadTopics topics,
        String transactionalId,
        int maxRecordBytes,
        int transactionRecords,
        long maxRecordsPerSecond,
        Duration progressInterval,
        boolean restartRewritten) {

    public static final int DEFAULT_TRANSACTION_RECORDS = 10_000;

    public LoadSettings {
        if (transactionalId == null) {
            transactionalId = archive.transactionalId();
        }
    }
}
