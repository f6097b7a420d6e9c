package org.sagebionetworks.accessrecords.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sagebionetworks.accessrecords.archive.ArchiveLoaderIT.readAll;
import static org.sagebionetworks.accessrecords.archive.ArchiveLoaderIT.record;
import static org.sagebionetworks.accessrecords.service.ServiceRecords.text;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sagebionetworks.accessrecords.archive.LoaderRun.Topics;
import org.sagebionetworks.accessrecords.testsupport.KafkaCluster;

/**
 * Runs of different ranges over one archive: each record reaches the raw topic once, whether the ranges overlap
 * (the later run leaves out what the earlier one published, and says so) or follow each other (both read the
 * boundary folder, each publishes its own days), and progress written by the earlier per-range loader counts.
 */
@ExtendWith(KafkaCluster.class)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ArchiveLoaderRangesIT {

    private static final LocalDate FIRST_DAY = LocalDate.parse("2023-11-01");
    private static final int DAYS = 6;
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
    void overlappingRangesPublishEachRecordOnceAndTheLaterSaysWhatTheEarlierLoaded() {
        String prefix = KafkaCluster.uniqueName("records");
        List<String> sessionIds = fillWeek(prefix);
        Topics topics = Topics.create();

        LoaderRun first = run(topics, prefix, "2023-11-01", "2023-11-04");
        LoaderRun overlapping = run(topics, prefix, "2023-11-03", "2023-11-06");
        LoaderRun inside = run(topics, prefix, "2023-11-02", "2023-11-03");

        assertThat(first.count("published")).isEqualTo(8);
        assertThat(overlapping.exitCode()).as(overlapping.err()).isZero();
        assertThat(overlapping.count("published")).isEqualTo(4);
        assertThat(overlapping.count("skipped_already_loaded")).isEqualTo(4);
        assertThat(overlapping.summary().get("already_loaded").get(0).get("run").asText())
                .isEqualTo("2023-11-01..2023-11-04");
        assertThat(overlapping
                        .summary()
                        .get("already_loaded")
                        .get(0)
                        .get("request_times")
                        .asText())
                .isEqualTo("2023-11-03..2023-11-04");
        assertThat(overlapping
                        .summary()
                        .get("already_loaded")
                        .get(0)
                        .get("objects")
                        .asLong())
                .isEqualTo(4);
        assertThat(inside.exitCode()).as(inside.err()).isZero();
        assertThat(inside.count("objects_to_load")).isZero();
        assertThat(inside.count("objects_already_done")).isEqualTo(4);
        assertThat(readAll(topics.raw(), sessionIds.size()))
                .extracting(r -> text(r.key()))
                .containsExactlyInAnyOrderElementsOf(sessionIds);
    }

    @Test
    void consecutiveRangesEachPublishTheirOwnDaysOfTheFolderTheyShare() {
        String prefix = KafkaCluster.uniqueName("records");
        List<String> sessionIds = fillWeek(prefix);
        Topics topics = Topics.create();

        LoaderRun first = run(topics, prefix, "2023-11-01", "2023-11-03");
        LoaderRun next = run(topics, prefix, "2023-11-04", "2023-11-06");

        assertThat(first.count("published")).isEqualTo(6);
        assertThat(next.exitCode()).as(next.err()).isZero();
        assertThat(next.count("published")).isEqualTo(6);
        assertThat(next.count("skipped_already_loaded")).isZero();
        assertThat(readAll(topics.raw(), sessionIds.size()))
                .extracting(r -> text(r.key()))
                .containsExactlyInAnyOrderElementsOf(sessionIds);
    }

    /** The records as the loader before per-object progress left them: one per range and object. */
    @Test
    void progressOfTheEarlierPerRangeFormCounts() {
        String prefix = KafkaCluster.uniqueName("records");
        fillWeek(prefix);
        Topics topics = Topics.create();
        KafkaCluster.createTopic(topics.progress(), 1, Map.of("cleanup.policy", "compact"));
        try (KafkaProducer<byte[], byte[]> producer = KafkaCluster.producer(Map.of())) {
            for (int day = 1; day <= 3; day++) {
                String key = objectKey(prefix, FIRST_DAY.plusDays(day - 1));
                String uri = "s3://" + ArchiveBucket.NAME + "/" + key;
                String value = "{\"object\":\"" + uri + "\",\"range\":\"2023-11-01..2023-11-02\",\"etag\":"
                        + "\"" + bucket.etag(key).replace("\"", "\\\"")
                        + "\",\"lines\":2,\"done\":true,\"published\":1,"
                        + "\"dead_lettered\":0,\"outside_range\":1,\"before_since\":0,\"after_cutover\":0,\"since\":null,"
                        + "\"cutover\":null,\"written_at\":\"2026-01-05T10:00:00Z\"}";
                producer.send(new ProducerRecord<>(
                        topics.progress(),
                        ("2023-11-01..2023-11-02 " + uri).getBytes(StandardCharsets.UTF_8),
                        value.getBytes(StandardCharsets.UTF_8)));
            }
            producer.flush();
        }

        LoaderRun later = run(topics, prefix, "2023-11-02", "2023-11-03");

        assertThat(later.exitCode()).as(later.err()).isZero();
        assertThat(later.count("published")).isEqualTo(2);
        assertThat(later.count("skipped_already_loaded")).isEqualTo(2);
        assertThat(later.summary().get("already_loaded").get(0).get("run").asText())
                .isEqualTo("2023-11-01..2023-11-02");
        assertThat(readAll(topics.raw(), 2))
                .extracting(r -> text(r.key()))
                .containsExactlyInAnyOrder("s-2023-11-03", "s-2023-11-03-late");
    }

    private static LoaderRun run(Topics topics, String prefix, String from, String to) {
        return LoaderRun.of(bucket, topics, "--prefix", prefix, "--from", from, "--to", to);
    }

    /**
     * Arrival folders of 2023-11-01 to 11-07, each with a record of its own day and one of the day before that
     * arrived late; returns the session ids of the records of the six days from 11-01 (11-07's and the late one
     * of 10-31 are outside every range here).
     */
    private static List<String> fillWeek(String prefix) {
        List<String> sessionIds = new ArrayList<>();
        for (int i = 0; i <= DAYS; i++) {
            LocalDate day = FIRST_DAY.plusDays(i);
            String late = "s-" + day.minusDays(1) + "-late";
            String own = "s-" + day;
            bucket.put(
                    objectKey(prefix, day),
                    List.of(record(late, day.minusDays(1) + "T23:59:59Z"), record(own, day + "T10:00:00Z")));
            if (i > 0) {
                sessionIds.add(late);
            }
            if (i < DAYS) {
                sessionIds.add(own);
            }
        }
        return sessionIds;
    }

    private static String objectKey(String prefix, LocalDate day) {
        return String.format(
                "%s/year=%d/month=%02d/day=%02d/%s.gz",
                prefix, day.getYear(), day.getMonthValue(), day.getDayOfMonth(), day);
    }
}
