package org.sagebionetworks.accessrecords.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sagebionetworks.accessrecords.archive.ArchiveLoaderIT.record;
import static org.sagebionetworks.accessrecords.service.ServiceRecords.text;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
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
import org.sagebionetworks.accessrecords.testing.RawRecords;
import org.sagebionetworks.accessrecords.testsupport.KafkaCluster;

/**
 * load-archive --follow against a real S3-compatible server and a real broker: objects added while it runs reach
 * the raw topic once, late arrivals in yesterday's folder included; a restarted follower publishes only what is
 * new; a stop finishes the object in flight and commits it.
 */
@ExtendWith(KafkaCluster.class)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ArchiveFollowIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
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
    void objectsLandingWhileItFollowsArePublishedOnceAndARestartPublishesOnlyNewOnes() throws Exception {
        String prefix = KafkaCluster.uniqueName("records");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate yesterday = today.minusDays(1);
        String[] follow = {"--prefix", prefix, "--from", yesterday.toString(), "--poll-interval", "PT0.2S"};
        Topics topics = Topics.create();
        List<String> expected = new ArrayList<>();

        FollowingLoader first = FollowingLoader.start(bucket, topics, follow);
        bucket.put(
                folder(prefix, today) + "a.gz",
                List.of(
                        keep(expected, record("today-1", Instant.now().toString())),
                        "{\"payload\": {\"sessionId\": \"cut",
                        keep(expected, record("today-2", Instant.now().toString()))));
        awaitRaw(topics, expected.size(), first);
        bucket.put(
                folder(prefix, yesterday) + "late.gz",
                List.of(
                        keep(expected, record("yesterday", yesterday + "T12:00:00Z")),
                        record("before-from", yesterday.minusDays(1) + "T23:00:00Z")));
        awaitRaw(topics, expected.size(), first);
        LoaderRun stopped = first.stop();

        assertThat(stopped.exitCode()).as(stopped.err()).isZero();
        assertThat(stopped.count("objects_finished")).isEqualTo(2);
        assertThat(stopped.count("published")).isEqualTo(3);
        assertThat(stopped.count("dead_lettered")).isEqualTo(1);
        assertThat(stopped.count("skipped_outside_range")).isEqualTo(1);

        FollowingLoader second = FollowingLoader.start(bucket, topics, follow);
        bucket.put(
                folder(prefix, today) + "b.gz",
                List.of(keep(expected, record("after-restart", Instant.now().toString()))));
        awaitRaw(topics, expected.size(), second);
        LoaderRun restarted = second.stop();

        assertThat(restarted.exitCode()).as(restarted.err()).isZero();
        assertThat(restarted.count("objects_already_done")).isEqualTo(2);
        assertThat(restarted.count("objects_finished")).isEqualTo(1);
        assertThat(restarted.count("published")).isEqualTo(1);
        assertThat(ArchiveLoaderIT.readAll(topics.raw(), expected.size()))
                .extracting(r -> text(r.value()))
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void aStopFinishesTheObjectInFlightAndCommitsIt() throws Exception {
        String prefix = KafkaCluster.uniqueName("records");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        int lines = 1_500;
        Topics topics = Topics.create();
        FollowingLoader following = FollowingLoader.start(
                bucket,
                topics,
                "--prefix",
                prefix,
                "--from",
                today.toString(),
                "--poll-interval",
                "PT0.2S",
                "--transaction-records",
                "100",
                "--max-records-per-second",
                "1000");
        bucket.put(folder(prefix, today) + "slow.gz", recordsOfToday(lines));
        awaitRaw(topics, 1, following);

        LoaderRun stopped = following.stop();

        assertThat(stopped.exitCode()).as(stopped.err()).isZero();
        assertThat(stopped.count("objects_finished")).isEqualTo(1);
        assertThat(stopped.count("published")).isEqualTo(lines);
        assertThat(ArchiveLoaderIT.readAll(topics.raw(), lines)).hasSize(lines);
    }

    private static List<String> recordsOfToday(int count) {
        long now = Instant.now().toEpochMilli();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            lines.add(
                    RawRecords.example().sessionId("s-" + i).timestamp(now - i).json());
        }
        return lines;
    }

    private static String folder(String prefix, LocalDate day) {
        return LoadRange.arrivalFolder(prefix, day);
    }

    private static String keep(List<String> expected, String line) {
        expected.add(line);
        return line;
    }

    /** Waits until the raw topic holds at least {@code count} committed records, failing early if the loader stops. */
    private static void awaitRaw(Topics topics, int count, FollowingLoader loader) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        int seen = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = KafkaCluster.readCommittedConsumer(topics.raw())) {
            while (seen < count) {
                assertThat(loader.running()).as(loader.state()).isTrue();
                assertThat(System.nanoTime())
                        .as("%d of %d records within %s; %s", seen, count, WAIT, loader.state())
                        .isLessThan(deadline);
                for (ConsumerRecord<byte[], byte[]> ignored : consumer.poll(Duration.ofMillis(100))) {
                    seen++;
                }
            }
        }
    }
}
