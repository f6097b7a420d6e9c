package org.sagebionetworks.accessrecords.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sagebionetworks.accessrecords.service.ServiceRecords.text;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sagebionetworks.accessrecords.archive.LoaderRun.Topics;
import org.sagebionetworks.accessrecords.testing.RawRecords;
import org.sagebionetworks.accessrecords.testsupport.KafkaCluster;

/**
 * {@code java -jar enricher-service.jar load-archive --follow}, as ECS runs it: it loads an object that lands while
 * it runs and, sent SIGTERM in the middle of it, finishes the object, commits and prints its summary before exiting.
 */
@ExtendWith(KafkaCluster.class)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ArchiveFollowJarIT {

    private static final Path JAR = Path.of("target/enricher-service.jar");
    private static final int LINES = 3_000;
    /** The JVM's status after SIGTERM, once its shutdown hooks are done: 128 + 15. */
    private static final int SIGTERM_STATUS = 143;

    @TempDir
    Path work;

    @Test
    void sigtermFinishesTheObjectInFlightCommitsItAndPrintsTheSummary() throws Exception {
        String prefix = KafkaCluster.uniqueName("records");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Topics topics = Topics.create();
        List<String> lines = recordsOfToday(LINES);
        Path log = work.resolve("follow.log");
        try (ArchiveBucket bucket = ArchiveBucket.start(work.resolve("s3"))) {
            Process follower = startJar(bucket, topics, log, "--prefix", prefix, "--from", today.toString());
            bucket.put(LoadRange.arrivalFolder(prefix, today) + "landed.gz", lines);
            awaitSomeRecords(topics.raw(), follower, log);

            follower.destroy();

            assertThat(follower.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(follower.exitValue()).as(Files.readString(log)).isEqualTo(SIGTERM_STATUS);
            assertThat(LoaderRun.parse(0, lastLine(log), "").count("published")).isEqualTo(LINES);
        }
        assertThat(ArchiveLoaderIT.readAll(topics.raw(), LINES))
                .extracting(r -> text(r.key()))
                .hasSize(LINES)
                .doesNotHaveDuplicates();
    }

    /** Slowed down so that SIGTERM lands inside the object. */
    private Process startJar(ArchiveBucket bucket, Topics topics, Path log, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-jar",
                JAR.toString(),
                "load-archive",
                "--follow",
                "--poll-interval",
                "PT0.2S",
                "--transaction-records",
                "200",
                "--max-records-per-second",
                "1500"));
        command.addAll(LoaderRun.commonArguments(bucket, topics, KafkaCluster.bootstrapServers()));
        command.addAll(List.of(args));
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("AWS_ACCESS_KEY_ID", ArchiveBucket.ACCESS_KEY);
        builder.environment().put("AWS_SECRET_ACCESS_KEY", ArchiveBucket.ACCESS_KEY);
        return builder.start();
    }

    private static void awaitSomeRecords(String rawTopic, Process follower, Path log) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        try (KafkaConsumer<byte[], byte[]> consumer = KafkaCluster.readCommittedConsumer(rawTopic)) {
            while (consumer.poll(Duration.ofMillis(100)).isEmpty()) {
                assertThat(follower.isAlive()).as(Files.readString(log)).isTrue();
                assertThat(System.nanoTime())
                        .as("no record within 60 s; " + Files.readString(log))
                        .isLessThan(deadline);
            }
        }
    }

    private static String lastLine(Path log) throws Exception {
        List<String> all = Files.readAllLines(log);
        return all.stream()
                .filter(line -> line.startsWith("{\"summary\""))
                .reduce((a, b) -> b)
                .orElse("");
    }

    private static List<String> recordsOfToday(int count) {
        long now = Instant.now().toEpochMilli();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            lines.add(
                    RawRecords.example().sessionId("j-" + i).timestamp(now - i).json());
        }
        return lines;
    }
}
