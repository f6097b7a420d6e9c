package org.sagebionetworks.accessrecords.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sagebionetworks.accessrecords.service.ServiceRecords.text;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sagebionetworks.accessrecords.archive.LoaderRun.Topics;
import org.sagebionetworks.accessrecords.testing.RawRecords;
import org.sagebionetworks.accessrecords.testing.SyntheticTraffic;
import org.sagebionetworks.accessrecords.testsupport.KafkaCluster;

/**
 * The packaged jar's loader stopped in the middle of an object, after some of its transactions were committed and
 * with one open: killed with SIGKILL, then resumed; or fenced by a loader of an overlapping range that started
 * meanwhile. A read_committed reader sees every record exactly once; a rewritten object is not resumed.
 */
@ExtendWith(KafkaCluster.class)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ArchiveLoaderResumeIT {

    private static final Path JAR = Path.of("target/enricher-service.jar");
    private static final int LINES = 6_000;
    private static final long START = 1_700_006_400_000L; // 2023-11-15T00:00:00Z

    @TempDir
    Path work;

    @Test
    void aLoaderKilledMidObjectResumesWithoutLossOrDuplicates() throws Exception {
        String prefix = KafkaCluster.uniqueName("records");
        List<String> lines = synthetic(LINES);
        Topics topics = Topics.create();
        try (ArchiveBucket bucket = ArchiveBucket.start(work.resolve("s3"))) {
            bucket.put(prefix + "/year=2023/month=11/day=15/big.gz", lines);
            String[] range = {
                "--prefix", prefix, "--from", "2023-11-15", "--to", "2023-11-15", "--transaction-records", "500"
            };

            Process loader = startJar(bucket, topics, range);
            long committedLines = awaitPartialProgress(topics.progress(), loader);
            loader.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

            LoaderRun resumed = LoaderRun.of(bucket, topics, range);

            assertThat(resumed.exitCode()).as(resumed.err()).isZero();
            assertThat(resumed.count("objects_resumed")).isEqualTo(1);
            assertThat(resumed.count("lines_skipped_on_resume"))
                    .isGreaterThanOrEqualTo(committedLines)
                    .isLessThan(LINES);
            assertThat(resumed.count("published")).isEqualTo(LINES - resumed.count("lines_skipped_on_resume"));
        }
        List<ConsumerRecord<byte[], byte[]>> raw = ArchiveLoaderIT.readAll(topics.raw(), LINES);
        List<String> sessionIds = raw.stream().map(r -> text(r.key())).toList();
        assertThat(sessionIds).hasSize(LINES).doesNotHaveDuplicates();
        assertThat(Set.copyOf(sessionIds)).isEqualTo(sessionIdsOf(lines));
    }

    @Test
    void aRewrittenObjectIsNotResumedAtTheOldVersionsLineCount() throws Exception {
        String prefix = KafkaCluster.uniqueName("records");
        String key = prefix + "/year=2023/month=11/day=15/big.gz";
        Topics topics = Topics.create();
        List<String> rewritten = synthetic(42L, LINES);
        try (ArchiveBucket bucket = ArchiveBucket.start(work.resolve("s3"))) {
            bucket.put(key, synthetic(41L, LINES));
            String[] range = {
                "--prefix", prefix, "--from", "2023-11-15", "--to", "2023-11-15", "--transaction-records", "500"
            };
            Process loader = startJar(bucket, topics, range);
            awaitPartialProgress(topics.progress(), loader);
            loader.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            bucket.put(key, rewritten);

            LoaderRun refused = LoaderRun.of(bucket, topics, range);
            LoaderRun restarted = LoaderRun.of(bucket, topics, append(range, "--restart-rewritten"));

            assertThat(refused.count("objects_resumed")).isZero();
            assertThat(refused.exitCode()).isEqualTo(1);
            assertThat(refused.count("published")).isZero();
            assertThat(refused.summary().get("rewritten_objects").get(0).asText())
                    .isEqualTo("s3://archive/" + key);
            assertThat(refused.err()).contains("s3://archive/" + key, "--restart-rewritten");
            assertThat(restarted.exitCode()).as(restarted.err()).isZero();
            assertThat(restarted.count("objects_restarted")).isEqualTo(1);
            assertThat(restarted.count("lines_skipped_on_resume")).isZero();
            assertThat(restarted.count("published")).isEqualTo(LINES);
        }
        List<String> published = ArchiveLoaderIT.readAll(topics.raw(), LINES).stream()
                .map(r -> text(r.key()))
                .toList();
        assertThat(published.stream().filter(sessionIdsOf(rewritten)::contains).toList())
                .hasSize(LINES)
                .doesNotHaveDuplicates();
    }

    /**
     * A loader of November 14-15 is publishing when one of November 15-16 starts: the second takes over (the
     * first stops, fenced), publishes its days, and a re-run of the first completes the 14th, each record once.
     */
    @Test
    void aLoaderOfAnOverlappingRangeTakesOverARunningOneAndEachRecordIsPublishedOnce() throws Exception {
        String prefix = KafkaCluster.uniqueName("records");
        List<String> lines = acrossDays("2023-11-14T00:00:00Z", 3, LINES);
        Topics topics = Topics.create();
        try (ArchiveBucket bucket = ArchiveBucket.start(work.resolve("s3"))) {
            bucket.put(prefix + "/year=2023/month=11/day=15/three-days.gz", lines);
            String[] first = {
                "--prefix", prefix, "--from", "2023-11-14", "--to", "2023-11-15", "--transaction-records", "500"
            };
            Process running = startJar(bucket, topics, first, "500");
            awaitPartialProgress(topics.progress(), running);

            LoaderRun second =
                    LoaderRun.of(bucket, topics, "--prefix", prefix, "--from", "2023-11-15", "--to", "2023-11-16");

            assertThat(second.exitCode()).as(second.err()).isZero();
            assertThat(running.waitFor(60, TimeUnit.SECONDS)).isTrue();
            LoaderRun rerun = LoaderRun.of(bucket, topics, first);
            assertThat(rerun.exitCode()).as(rerun.err()).isZero();
            List<String> sessionIds = ArchiveLoaderIT.readAll(topics.raw(), LINES).stream()
                    .map(r -> text(r.key()))
                    .toList();
            assertThat(sessionIds).hasSize(LINES).doesNotHaveDuplicates();
            assertThat(Set.copyOf(sessionIds)).isEqualTo(sessionIdsOf(lines));
            assertThat(running.exitValue()).isEqualTo(1);
            assertThat(Files.readString(work.resolve("loader.log"))).contains("took over");
        }
    }

    /** The jar as a user runs it, slowed down so the kill lands inside the object. */
    private Process startJar(ArchiveBucket bucket, Topics topics, String[] range) throws Exception {
        return startJar(bucket, topics, range, "1500");
    }

    private Process startJar(ArchiveBucket bucket, Topics topics, String[] range, String recordsPerSecond)
            throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-jar",
                JAR.toString(),
                "load-archive",
                "--max-records-per-second",
                recordsPerSecond));
        command.addAll(LoaderRun.commonArguments(bucket, topics, KafkaCluster.bootstrapServers()));
        command.addAll(List.of(range));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(Files.createFile(work.resolve("loader.log")).toFile());
        builder.environment().put("AWS_ACCESS_KEY_ID", ArchiveBucket.ACCESS_KEY);
        builder.environment().put("AWS_SECRET_ACCESS_KEY", ArchiveBucket.ACCESS_KEY);
        return builder.start();
    }

    /** Waits for a committed progress record of an unfinished object; returns its line count. */
    private long awaitPartialProgress(String progressTopic, Process loader) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        try (KafkaConsumer<byte[], byte[]> consumer = KafkaCluster.readCommittedConsumer(progressTopic)) {
            while (System.nanoTime() < deadline) {
                assertThat(loader.isAlive())
                        .as("loader alive; its log: " + Files.readString(work.resolve("loader.log")))
                        .isTrue();
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    for (ObjectLoad load : ProgressJson.read(ProgressJson.parse(record.value()))
                            .loads()) {
                        if (!load.done() && load.lines() > 0) {
                            return load.lines();
                        }
                    }
                }
            }
        }
        throw new AssertionError(
                "no partial progress within 60 s; log: " + Files.readString(work.resolve("loader.log")));
    }

    private static List<String> synthetic(int count) {
        return synthetic(41L, count);
    }

    private static List<String> synthetic(long seed, int count) {
        SyntheticTraffic traffic = new SyntheticTraffic(seed, START, 5);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            lines.add(traffic.next());
        }
        return lines;
    }

    /** {@code count} records spread evenly over {@code days} days from {@code start}. */
    private static List<String> acrossDays(String start, int days, int count) {
        long first = Instant.parse(start).toEpochMilli();
        long step = Duration.ofDays(days).toMillis() / count;
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            lines.add(RawRecords.example()
                    .sessionId("d-" + i)
                    .timestamp(first + i * step)
                    .json());
        }
        return lines;
    }

    private static Set<String> sessionIdsOf(List<String> lines) {
        return lines.stream()
                .map(line -> RawRecords.sessionIdOf(line).orElseThrow())
                .collect(Collectors.toSet());
    }

    private static String[] append(String[] args, String... more) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }
}
