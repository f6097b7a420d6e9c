package org.sagebionetworks.accessrecords.sink;

import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;
import org.sagebionetworks.accessrecords.sink.partition.DayPath;
import org.sagebionetworks.accessrecords.sink.s3.ObjectStore;
import org.sagebionetworks.accessrecords.sink.s3.RetryingObjectStore;
import org.sagebionetworks.accessrecords.sink.s3.S3ObjectStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes each Kafka partition's rows to day folders as Parquet and tells Connect to commit only offsets whose
 * records are in S3. An upload that still fails after its retries is retriable, as in Confluent's sink: Connect
 * pauses the partitions and delivers the same batch again after {@code retry.backoff.ms}, for as long as S3 is
 * down; the files wait open, so nothing is lost or doubled.
 */
public final class StandInS3SinkTask extends SinkTask {

    private static final Logger LOG = LoggerFactory.getLogger(StandInS3SinkTask.class);

    private final Map<TopicPartition, TopicPartitionWriter> writers = new HashMap<>();
    private TopicPartitionWriter.FileRules rules;
    private ObjectStore store;
    private boolean ignoreNulls;
    private boolean reportNulls;
    private ErrantRecordReporter deadLetters;
    private long retryBackoffMs;

    @Override
    public String version() {
        return StandInS3SinkConnector.VERSION;
    }

    @Override
    public void start(Map<String, String> settings) {
        StandInS3SinkConfig config = new StandInS3SinkConfig(settings);
        rules = new TopicPartitionWriter.FileRules(
                config.getString(StandInS3SinkConfig.TOPICS_DIR),
                new DayPath(config.getString(StandInS3SinkConfig.PATH_FORMAT)),
                config.getString(StandInS3SinkConfig.TIMESTAMP_FIELD),
                config.getInt(StandInS3SinkConfig.FLUSH_SIZE),
                config.getLong(StandInS3SinkConfig.ROTATE_INTERVAL_MS),
                config.fileFormat(),
                config.getLong(StandInS3SinkConfig.ROTATE_SCHEDULE_INTERVAL_MS));
        store = new RetryingObjectStore(
                new S3ObjectStore(
                        config.getString(StandInS3SinkConfig.BUCKET),
                        config.getString(StandInS3SinkConfig.REGION),
                        config.getString(StandInS3SinkConfig.STORE_URL)),
                config.getInt(StandInS3SinkConfig.PART_RETRIES),
                config.getLong(StandInS3SinkConfig.PART_RETRY_BACKOFF_MS));
        retryBackoffMs = config.getLong(StandInS3SinkConfig.RETRY_BACKOFF_MS);
        ignoreNulls = "ignore".equals(config.getString(StandInS3SinkConfig.NULL_VALUES));
        reportNulls = config.getBoolean(StandInS3SinkConfig.REPORT_NULLS);
        deadLetters = context.errantRecordReporter();
    }

    @Override
    public void open(Collection<TopicPartition> partitions) {
        partitions.forEach(partition ->
                writers.put(partition, new TopicPartitionWriter(partition, rules, store, System::currentTimeMillis)));
    }

    @Override
    public void put(Collection<SinkRecord> records) {
        try {
            for (TopicPartitionWriter writer : writers.values()) {
                writer.uploadOwedFile();
            }
            for (SinkRecord record : records) {
                TopicPartitionWriter writer = writers.get(new TopicPartition(record.topic(), record.kafkaPartition()));
                if (!writer.handled(record)) {
                    route(record, writer);
                }
            }
            // Connect calls put with an empty batch while a partition is quiet, so this runs then too.
            for (TopicPartitionWriter writer : writers.values()) {
                writer.commitIfOpenTooLong();
            }
        } catch (RetriableException e) {
            LOG.warn(
                    "S3 refused an upload ({}); Connect delivers the batch again in {} ms",
                    e.getMessage(),
                    retryBackoffMs);
            context.timeout(retryBackoffMs);
            throw e;
        } catch (IOException e) {
            throw new ConnectException(
                    "cannot write a file; restarted, the task resumes from the last committed offset", e);
        }
    }

    private void route(SinkRecord record, TopicPartitionWriter writer) throws IOException {
        if (record.value() == null) {
            if (!ignoreNulls) {
                throw new DataException("null value at " + coordinates(record) + " and behavior.on.null.values=fail");
            }
            if (reportNulls && deadLetters != null) {
                deadLetters.report(record, new DataException("null value at " + coordinates(record) + " skipped"));
            }
            writer.skip(record);
        } else if (record.value() instanceof Struct row && row.get(rules.timestampField()) != null) {
            writer.write(record, row);
        } else {
            DataException problem =
                    new DataException("not a row with a " + rules.timestampField() + " at " + coordinates(record));
            if (deadLetters == null) {
                throw problem;
            }
            deadLetters.report(record, problem);
            writer.skip(record);
        }
    }

    @Override
    public Map<TopicPartition, OffsetAndMetadata> preCommit(Map<TopicPartition, OffsetAndMetadata> current) {
        Map<TopicPartition, OffsetAndMetadata> uploaded = new HashMap<>();
        writers.forEach((partition, writer) -> {
            Long offset = writer.committableOffset();
            if (offset != null) {
                uploaded.put(partition, new OffsetAndMetadata(offset));
            }
        });
        return uploaded;
    }

    @Override
    public void close(Collection<TopicPartition> partitions) {
        partitions.forEach(writers::remove);
    }

    @Override
    public void stop() {
        if (store != null) {
            store.close();
        }
    }

    private static String coordinates(SinkRecord record) {
        return record.topic() + "-" + record.kafkaPartition() + "@" + record.kafkaOffset();
    }
}
