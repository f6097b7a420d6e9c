package org.sagebionetworks.accessrecords.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sagebionetworks.accessrecords.service.ServiceRecords.text;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
 * The packaged jar's loader killed with SIGKILL in the middle of an object, after some of its transactions were
 * committed and with one open; a second run fences the dead one, resumes after its last committed line, and a
 * read_committed reader sees every record of the object exactly once.
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
            String[] range = {"--prefix", prefix, "--from", "2023-11-15", "--to", "2023-11-15",
                "--transaction-records", "500"};

            Process loader = startJar(bucket, topics, range);
            long committedLines = awaitPartialProgress(topics.progress(), loader);
            loader.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

            LoaderRun resumed = LoaderRun.of(bucket, topics, range);

            assertThat(resumed.exitCode()).as(resumed.err()).isZero();
            assertThat(resumed.count("objects_resumed")).isEqualTo(1);
            assertThat(resumed.count("lines_skipped_on_resume")).isGreaterThanOrEqualTo(committedLines)
                    .isLessThan(LINES);
            assertThat(resumed.count("published")).isEqualTo(LINES - resumed.count("lines_skipped_on_resume"));
        }
        List<ConsumerRecord<byte[], byte[]>> raw = ArchiveLoaderIT.readAll(topics.raw(), LINES);
        List<String> sessionIds = raw.stream().map(r -> text(r.key())).toList();
        assertThat(sessionIds).hasSize(LINES).doesNotHaveDuplicates();
        assertThat(Set.copyOf(sessionIds)).isEqualTo(lines.stream()
                .map(line -> RawRecords.sessionIdOf(line).orElseThrow()).collect(Collectors.toSet()));
    }

    /** The jar as a user runs it, slowed down so the kill lands inside the object. */
    private Process startJar(ArchiveBucket bucket, Topics topics, String[] range) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", JAR.toString(), "load-archive", "--max-records-per-second", "1500"));
        command.addAll(LoaderRun.commonArguments(bucket, topics, KafkaCluster.bootstrapServers()));
        command.addAll(List.of(range));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
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
                assertThat(loader.isAlive()).as("loader alive; its log: " + Files.readString(work.resolve("loader.log")))
                        .isTrue();
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    ObjectProgress progress = ObjectProgress.fromJson(record.value());
                    if (!progress.done() && progress.lines() > 0) {
                        return progress.lines();
                    }
                }
            }
        }
        throw new AssertionError("no partial progress within 60 s; log: " + Files.readString(work.resolve("loader.log")));
    }

    private static List<String> synthetic(int count) {
        SyntheticTraffic traffic = new SyntheticTraffic(41L, START, 5);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            lines.add(traffic.next());
        }
        return lines;
    }
}
