package org.sagebionetworks.accessrecords.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;
import org.sagebionetworks.accessrecords.sink.format.FileFormat;
import org.sagebionetworks.accessrecords.sink.format.JsonLinesFormat;
import org.sagebionetworks.accessrecords.sink.format.ParquetFormat;
import org.sagebionetworks.accessrecords.sink.partition.DayPath;
import org.sagebionetworks.accessrecords.sink.s3.ObjectStore;

/** When a file ends, what its key is, and which offset may be committed: the stand-in's exactly-once rules. */
class TopicPartitionWriterTest {

    private static final String TOPIC = "processed.v1";
    private static final TopicPartition PARTITION = new TopicPartition(TOPIC, 3);
    private static final Schema ROW = SchemaBuilder.struct()
            .name("Row")
            .field("session_id", Schema.STRING_SCHEMA)
            .field("timestamp", Timestamp.SCHEMA)
            .build();
    private static final Instant NOV_14 = Instant.parse("2023-11-14T10:00:00Z");

    private final MemoryStore store = new MemoryStore();
    private long wallClock = 1_000_000L;

    @Test
    void aFullFileIsUploadedUnderConfluentsKeyAndItsOffsetsBecomeCommittable() throws IOException {
        TopicPartitionWriter writer = writer(3, -1);

        write(writer, 100, NOV_14);
        write(writer, 101, NOV_14.plusSeconds(1));
        assertThat(store.objects).isEmpty();
        assertThat(writer.committableOffset()).as("nothing is in S3 yet").isNull();

        write(writer, 102, NOV_14.plusSeconds(2));
        assertThat(store.objects)
                .containsOnlyKeys(
                        "processed/v1/processed.v1/year=2023/month=11/day=14/processed.v1+3+0000000100.snappy.parquet");
        assertThat(ParquetRows.count(store.objects.values().iterator().next())).isEqualTo(3);
        assertThat(writer.committableOffset()).isEqualTo(103);
    }

    @Test
    void aRecordForAnotherDayCommitsTheOpenFileAndStartsOneInTheNewDay() throws IOException {
        TopicPartitionWriter writer = writer(100, -1);

        write(writer, 0, Instant.parse("2023-11-14T23:59:59.999Z"));
        write(writer, 1, Instant.parse("2023-11-15T00:00:00.000Z"));

        assertThat(store.objects)
                .containsOnlyKeys(
                        "processed/v1/processed.v1/year=2023/month=11/day=14/processed.v1+3+0000000000.snappy.parquet");
        assertThat(writer.committableOffset())
                .as("offset 1 is still in the open file")
                .isEqualTo(1);
    }

    @Test
    void rotationFollowsRecordTimeNotTheClock() throws IOException {
        TopicPartitionWriter writer = writer(100, 60_000);

        write(writer, 0, NOV_14);
        write(writer, 1, NOV_14.plusSeconds(59));
        assertThat(store.objects).isEmpty();

        write(writer, 2, NOV_14.plusSeconds(60));
        assertThat(store.objects).hasSize(1);
        assertThat(ParquetRows.count(store.objects.values().iterator().next())).isEqualTo(2);
        assertThat(writer.committableOffset()).isEqualTo(2);
    }

    @Test
    void skippedRecordsMoveTheCommittableOffsetOnlyWhenNoFileIsOpen() throws IOException {
        TopicPartitionWriter writer = writer(2, -1);

        writer.skip(record(0, null));
        assertThat(writer.committableOffset()).isEqualTo(1);

        write(writer, 1, NOV_14);
        writer.skip(record(2, null));
        assertThat(writer.committableOffset()).as("offset 1 is not in S3 yet").isEqualTo(1);

        write(writer, 3, NOV_14);
        assertThat(writer.committableOffset()).isEqualTo(4);
    }

    @Test
    void replayingFromTheCommittedOffsetRewritesIdenticalObjects() throws IOException {
        TopicPartitionWriter first = writer(2, -1);
        for (int offset = 0; offset < 6; offset++) {
            write(first, offset, NOV_14.plusSeconds(offset));
        }
        Map<String, byte[]> firstRun = new LinkedHashMap<>(store.objects);
        store.objects.clear();

        TopicPartitionWriter afterRestart = writer(2, -1);
        for (int offset = 0; offset < 6; offset++) {
            write(afterRestart, offset, NOV_14.plusSeconds(offset));
        }

        assertThat(store.objects.keySet()).containsExactlyElementsOf(firstRun.keySet());
        store.objects.forEach((key, bytes) -> assertThat(bytes).as(key).isEqualTo(firstRun.get(key)));
    }

    @Test
    void aFullFileWhoseUploadFailedIsUploadedAsItWasOnceTheStoreIsBack() throws IOException {
        TopicPartitionWriter writer = writer(2, -1);
        write(writer, 0, NOV_14);
        store.down = true;

        assertThatThrownBy(() -> write(writer, 1, NOV_14)).isInstanceOf(IllegalStateException.class);
        assertThat(writer.committableOffset()).as("nothing is in S3").isNull();
        store.down = false;
        writer.uploadOwedFile();

        assertThat(store.objects)
                .containsOnlyKeys(
                        "processed/v1/processed.v1/year=2023/month=11/day=14/processed.v1+3+0000000000.snappy.parquet");
        assertThat(ParquetRows.count(store.objects.values().iterator().next())).isEqualTo(2);
        assertThat(writer.committableOffset()).isEqualTo(2);
    }

    @Test
    void aBatchRedeliveredAfterAFailedUploadWritesWhatAFailureFreeRunWrites() throws IOException {
        TopicPartitionWriter failureFree = writer(2, -1);
        for (int offset = 0; offset < 5; offset++) {
            write(failureFree, offset, NOV_14.plusSeconds(offset));
        }
        Map<String, byte[]> expected = new LinkedHashMap<>(store.objects);
        store.objects.clear();

        TopicPartitionWriter writer = writer(2, -1);
        write(writer, 0, NOV_14);
        store.down = true;
        assertThatThrownBy(() -> write(writer, 1, NOV_14.plusSeconds(1))).isInstanceOf(IllegalStateException.class);
        store.down = false;
        writer.uploadOwedFile();
        for (int offset = 0; offset < 5; offset++) {
            if (!writer.handled(record(offset, null))) {
                write(writer, offset, NOV_14.plusSeconds(offset));
            }
        }

        assertThat(store.objects.keySet()).containsExactlyElementsOf(expected.keySet());
        store.objects.forEach((key, bytes) -> assertThat(bytes).as(key).isEqualTo(expected.get(key)));
        assertThat(writer.committableOffset()).isEqualTo(failureFree.committableOffset());
    }

    @Test
    void theJsonFormatWritesOneGzippedLinePerRecordUnderConfluentsJsonKey() throws IOException {
        TopicPartitionWriter writer = writer(2, -1, new JsonLinesFormat(true), -1);

        write(writer, 7, NOV_14);
        write(writer, 8, NOV_14.plusMillis(1));

        String key = "processed/v1/processed.v1/year=2023/month=11/day=14/processed.v1+3+0000000007.json.gz";
        assertThat(store.objects).containsOnlyKeys(key);
        assertThat(gunzip(store.objects.get(key)))
                .isEqualTo("{\"session_id\":\"s-7\",\"timestamp\":" + NOV_14.toEpochMilli() + "}\n"
                        + "{\"session_id\":\"s-8\",\"timestamp\":" + (NOV_14.toEpochMilli() + 1) + "}\n");
    }

    @Test
    void aScheduledRotationCommitsAFileOpenThatLongWithoutWaitingForTheNextRecord() throws IOException {
        TopicPartitionWriter writer = writer(100, -1, new ParquetFormat(), 60_000);
        write(writer, 5, NOV_14);

        wallClock += 59_999;
        writer.commitIfOpenTooLong();
        assertThat(store.objects).isEmpty();

        wallClock += 1;
        writer.commitIfOpenTooLong();
        assertThat(store.objects)
                .containsOnlyKeys(
                        "processed/v1/processed.v1/year=2023/month=11/day=14/processed.v1+3+0000000005.snappy.parquet");
        assertThat(writer.committableOffset()).isEqualTo(6);
    }

    private TopicPartitionWriter writer(int flushSize, long rotateIntervalMs) {
        return writer(flushSize, rotateIntervalMs, new ParquetFormat(), -1);
    }

    private TopicPartitionWriter writer(
            int flushSize, long rotateIntervalMs, FileFormat format, long rotateScheduleIntervalMs) {
        return new TopicPartitionWriter(
                PARTITION,
                new TopicPartitionWriter.FileRules(
                        "processed/v1",
                        new DayPath("'year'=YYYY/'month'=MM/'day'=dd"),
                        "timestamp",
                        flushSize,
                        rotateIntervalMs,
                        format,
                        rotateScheduleIntervalMs),
                store,
                () -> wallClock);
    }

    private static String gunzip(byte[] bytes) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void write(TopicPartitionWriter writer, long offset, Instant time) throws IOException {
        Struct row = new Struct(ROW).put("session_id", "s-" + offset).put("timestamp", java.util.Date.from(time));
        writer.write(record(offset, row), row);
    }

    private static SinkRecord record(long offset, Struct row) {
        return new SinkRecord(TOPIC, PARTITION.partition(), null, null, ROW, row, offset);
    }

    private static final class MemoryStore implements ObjectStore {

        private final Map<String, byte[]> objects = new LinkedHashMap<>();
        private boolean down;

        @Override
        public void put(String key, byte[] bytes) {
            if (down) {
                throw new IllegalStateException("S3 is down");
            }
            objects.put(key, bytes);
        }

        @Override
        public void close() {}
    }
}
