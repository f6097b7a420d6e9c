package org.sagebionetworks.accessrecords.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sagebionetworks.accessrecords.service.ServiceRecords.header;
import static org.sagebionetworks.accessrecords.service.ServiceRecords.text;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sagebionetworks.accessrecords.archive.LoaderRun.Topics;
import org.sagebionetworks.accessrecords.kafka.DeadLetterHeaders;
import org.sagebionetworks.accessrecords.testing.RawRecords;
import org.sagebionetworks.accessrecords.testsupport.KafkaCluster;

/**
 * load-archive against a real S3-compatible server and a real broker, read back with read_committed as the
 * service reads the raw topic: what is published, what is skipped and counted, and that a re-run adds nothing.
 */
@ExtendWith(KafkaCluster.class)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ArchiveLoaderIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration SETTLE = Duration.ofSeconds(2);
    private static ArchiveBucket bucket;

    @BeforeAll
    static void startBucket(@TempDir Path dir) throws Exception {
        bucket = ArchiveBucket.start(dir);
    }

    @AfterAll
    static void stopBucket() throws Exception {
        bucket.close();
    }

    @Test
    void publishesTheRangeKeyedAndStampedByRequestOnceAndARerunPublishesNothing() throws Exception {
        String prefix = KafkaCluster.uniqueName("records");
        List<String> expected = new ArrayList<>();
        bucket.put(
                prefix + "/year=2023/month=11/day=13/a.gz",
                List.of(record("s-13", "2023-11-13T23:59:59.999Z"))); // read, outside the range
        bucket.put(
                prefix + "/year=2023/month=11/day=14/b.gz",
                List.of(
                        keep(expected, record("s-14a", "2023-11-14T00:00:00Z")),
                        "{\"payload\": {\"sessionId\": \"cut", // line 2: dead letter
                        keep(expected, record("s-14b", "2023-11-14T10:00:00Z")),
                        RawRecords.example()
                                .sessionId("s-no-url")
                                .without("requestURL")
                                .json())); // line 4: dead letter
        bucket.put(
                prefix + "/year=2023/month=11/day=15/c.gz",
                List.of(keep(expected, record("s-15a", "2023-11-15T23:59:59.999Z"))));
        bucket.put(
                prefix + "/year=2023/month=11/day=16/d.gz",
                List.of(
                        keep(expected, record("s-15-late", "2023-11-15T23:59:58Z")), // arrived a day late
                        record("s-16", "2023-11-16T00:00:01Z"))); // outside the range
        bucket.put(prefix + "/year=2023/month=11/day=17/e.gz", List.of(record("s-15-never", "2023-11-15T12:00:00Z")));
        Topics topics = Topics.create();

        LoaderRun first =
                LoaderRun.of(bucket, topics, "--prefix", prefix, "--from", "2023-11-14", "--to", "2023-11-15");

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.count("objects_finished")).isEqualTo(4);
        assertThat(first.count("published")).isEqualTo(4);
        assertThat(first.count("dead_lettered")).isEqualTo(2);
        assertThat(first.count("skipped_outside_range")).isEqualTo(2);
        assertThat(first.count("lines_read")).isEqualTo(8);
        List<ConsumerRecord<byte[], byte[]>> raw = readAll(topics.raw(), expected.size());
        assertThat(raw).extracting(r -> text(r.value())).containsExactlyInAnyOrderElementsOf(expected);
        for (ConsumerRecord<byte[], byte[]> record : raw) {
            var payload = JSON.readTree(record.value()).get("payload");
            assertThat(text(record.key())).isEqualTo(payload.get("sessionId").asText());
            assertThat(record.timestamp()).isEqualTo(payload.get("timestamp").asLong());
        }
        List<ConsumerRecord<byte[], byte[]>> dead = readAll(topics.deadLetter(), 2);
        assertThat(dead)
                .extracting(r -> header(r, DeadLetterHeaders.SOURCE_LINE))
                .containsExactlyInAnyOrder("2", "4");
        assertThat(dead)
                .extracting(r -> header(r, DeadLetterHeaders.ERROR_CLASS))
                .containsExactlyInAnyOrder("MALFORMED_JSON", "MISSING_FIELD");
        assertThat(dead)
                .extracting(r -> header(r, DeadLetterHeaders.SOURCE_OBJECT))
                .containsOnly("s3://archive/" + prefix + "/year=2023/month=11/day=14/b.gz");

        LoaderRun again =
                LoaderRun.of(bucket, topics, "--prefix", prefix, "--from", "2023-11-14", "--to", "2023-11-15");

        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.count("objects_already_done")).isEqualTo(4);
        assertThat(again.count("objects_to_load")).isZero();
        assertThat(again.count("published")).isZero();
        assertThat(readAll(topics.raw(), expected.size())).hasSize(expected.size());
        assertThat(readAll(topics.deadLetter(), 2)).hasSize(2);
    }

    @Test
    void aGapLeavesWhatTheLiveStreamDeliveredBeforeAndFromItsCutoverAndCountsWhatItSkipped() throws Exception {
        String prefix = KafkaCluster.uniqueName("records");
        List<String> expected = new ArrayList<>();
        bucket.put(
                prefix + "/year=2023/month=11/day=20/a.gz",
                List.of(
                        record("live-before", "2023-11-20T09:59:59.999Z"),
                        keep(expected, record("gap-start", "2023-11-20T10:00:00Z")),
                        keep(expected, record("gap-end", "2023-11-20T11:59:59.999Z")),
                        record("at-cutover", "2023-11-20T12:00:00Z"),
                        record("after", "2023-11-20T13:00:00Z")));
        Topics topics = Topics.create();

        LoaderRun run = LoaderRun.of(
                bucket,
                topics,
                "--prefix",
                prefix,
                "--from",
                "2023-11-20",
                "--to",
                "2023-11-20",
                "--since",
                "2023-11-20T10:00:00Z",
                "--cutover",
                "2023-11-20T12:00:00Z");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.count("published")).isEqualTo(2);
        assertThat(run.count("skipped_before_since")).isEqualTo(1);
        assertThat(run.count("skipped_after_cutover")).isEqualTo(2);
        assertThat(readAll(topics.raw(), 2))
                .extracting(r -> text(r.value()))
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void everyGzipMemberOfAnObjectIsPublished() throws Exception {
        String prefix = KafkaCluster.uniqueName("records");
        List<String> first = List.of(record("m-1", "2023-11-21T01:00:00Z"), record("m-2", "2023-11-21T02:00:00Z"));
        List<String> second = List.of(record("m-3", "2023-11-21T03:00:00Z"));
        bucket.putBytes(
                prefix + "/year=2023/month=11/day=21/members.gz",
                concat(
                        ArchiveBucket.gzip(String.join("\n", first) + "\n"),
                        ArchiveBucket.gzip(""),
                        ArchiveBucket.gzip(String.join("\n", second) + "\n")));
        Topics topics = Topics.create();

        LoaderRun run = LoaderRun.of(bucket, topics, "--prefix", prefix, "--from", "2023-11-21", "--to", "2023-11-21");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.count("published")).isEqualTo(3);
        assertThat(readAll(topics.raw(), 3))
                .extracting(r -> text(r.key()))
                .containsExactlyInAnyOrder("m-1", "m-2", "m-3");
    }

    @Test
    void aRawTopicThatWouldDeleteTheBackfillIsRefusedBeforeAnythingIsPublished() {
        Topics topics = Topics.named()
                .create(Map.of("retention.ms", String.valueOf(Duration.ofDays(7).toMillis())));

        LoaderRun run = LoaderRun.of(bucket, topics, "--prefix", "none", "--from", "2023-11-20", "--to", "2023-11-20");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("retention.ms=604800000", "records of 2023-11-20 are older");
    }

    static String record(String sessionId, String time) {
        return RawRecords.example()
                .sessionId(sessionId)
                .timestamp(Instant.parse(time).toEpochMilli())
                .json();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            bytes.writeBytes(part);
        }
        return bytes.toByteArray();
    }

    private static String keep(List<String> expected, String line) {
        expected.add(line);
        return line;
    }

    static List<ConsumerRecord<byte[], byte[]>> readAll(String topic, int expected) {
        try (KafkaConsumer<byte[], byte[]> consumer = KafkaCluster.readCommittedConsumer(topic)) {
            return KafkaCluster.readUntil(consumer, read -> read.size() >= expected, WAIT, SETTLE);
        }
    }
}
