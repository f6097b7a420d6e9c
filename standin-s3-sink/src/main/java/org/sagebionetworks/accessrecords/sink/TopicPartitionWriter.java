package org.sagebionetworks.accessrecords.sink;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkRecord;
import org.sagebionetworks.accessrecords.sink.format.FileFormat;
import org.sagebionetworks.accessrecords.sink.parquet.ParquetFiles;
import org.sagebionetworks.accessrecords.sink.partition.DayPath;
import org.sagebionetworks.accessrecords.sink.s3.ObjectStore;

/**
 * One Kafka partition's open file and what may be committed. Rotation depends only on the records (count, the
 * day folder, record time), never on the clock, so after a restart from the committed offset the same records
 * fall into the same files under the same keys: the upload overwrites an identical object. A failed upload leaves
 * the file as it was, so trying it again (and skipping the records Connect redelivers) keeps that promise too.
 * The one exception is a wall-clock rotation ({@code rotate.schedule.interval.ms}), which a configuration chooses
 * when a quiet partition's open file must not wait for its next record (the dead-letter archive).
 */
final class TopicPartitionWriter {

    private final TopicPartition partition;
    private final FileRules rules;
    private final ObjectStore store;
    private final LongSupplier wallClockMs;
    private final List<Struct> rows = new ArrayList<>();
    private String openFolder;
    private long startOffset;
    private long firstTimestamp;
    private long openedAtMs;
    private long lastOffset = -1;
    private Long committable;

    /** The settings that decide where rows go and when a file ends. */
    record FileRules(
            String topicsDir,
            DayPath dayPath,
            String timestampField,
            int flushSize,
            long rotateIntervalMs,
            FileFormat format,
            long rotateScheduleIntervalMs) {}

    TopicPartitionWriter(TopicPartition partition, FileRules rules, ObjectStore store, LongSupplier wallClockMs) {
        this.partition = partition;
        this.rules = rules;
        this.store = store;
        this.wallClockMs = wallClockMs;
    }

    void write(SinkRecord record, Struct row) throws IOException {
        long timestamp = ParquetFiles.epochMillis(row.get(rules.timestampField()));
        String folder = rules.dayPath().of(timestamp);
        boolean timeUp = rules.rotateIntervalMs() > 0 && timestamp - firstTimestamp >= rules.rotateIntervalMs();
        if (openFolder != null && (!folder.equals(openFolder) || timeUp)) {
            commitFile();
        }
        if (openFolder == null) {
            openFolder = folder;
            startOffset = record.kafkaOffset();
            firstTimestamp = timestamp;
            openedAtMs = wallClockMs.getAsLong();
        }
        rows.add(row);
        lastOffset = record.kafkaOffset();
        if (rows.size() >= rules.flushSize()) {
            commitFile();
        }
    }

    /** Whether the record was written or skipped already: Connect redelivers a whole batch after a failed upload. */
    boolean handled(SinkRecord record) {
        return record.kafkaOffset() <= lastOffset;
    }

    /**
     * Uploads the full file whose upload failed, if there is one; it must land before any later record, or the
     * next record would join it and the file would differ from the one a failure-free run writes.
     */
    void uploadOwedFile() throws IOException {
        if (rows.size() >= rules.flushSize()) {
            commitFile();
        }
    }

    /** Commits the open file once it has been open for rotate.schedule.interval.ms of wall-clock time. */
    void commitIfOpenTooLong() throws IOException {
        if (openFolder != null
                && rules.rotateScheduleIntervalMs() > 0
                && wallClockMs.getAsLong() - openedAtMs >= rules.rotateScheduleIntervalMs()) {
            commitFile();
        }
    }

    /** A record that goes in no file (a tombstone, a dead letter) still moves the committable offset on. */
    void skip(SinkRecord record) {
        lastOffset = record.kafkaOffset();
        if (openFolder == null) {
            committable = lastOffset + 1;
        }
    }

    /** The next offset to consume once everything before it is in S3; null while nothing is. */
    Long committableOffset() {
        return committable;
    }

    private void commitFile() throws IOException {
        String key = String.format(
                "%s/%s/%s/%s+%d+%010d%s",
                rules.topicsDir(),
                partition.topic(),
                openFolder,
                partition.topic(),
                partition.partition(),
                startOffset,
                rules.format().extension());
        store.put(key, rules.format().write(rows));
        committable = lastOffset + 1;
        rows.clear();
        openFolder = null;
    }
}
