package org.sagebionetworks.accessrecords.redrive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sagebionetworks.accessrecords.service.ServiceRecords.text;
import static org.sagebionetworks.accessrecords.service.ServiceRecords.utf8;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sagebionetworks.accessrecords.service.RunningService;
import org.sagebionetworks.accessrecords.testing.RawRecords;
import org.sagebionetworks.accessrecords.testsupport.KafkaCluster;
import picocli.CommandLine;

/**
 * Redrive with the real service on a real broker: a record the service dead-lettered as too far in the future reaches
 * the processed topic once after the clock-skew tolerance is raised and it is redriven; a letter of another reason stays put, a dry
 * run publishes nothing, and a second run redrives nothing.
 */
@ExtendWith(KafkaCluster.class)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class RedriveIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration SETTLE = Duration.ofSeconds(2);

    @TempDir
    Path stateRoot;

    @Test
    void aFixedRecordRedrivenReachesTheProcessedTopicOnceAndARerunRedrivesNothing() throws Exception {
        String version = "v" + ThreadLocalRandom.current().nextInt(1000, 900_000);
        String raw = KafkaCluster.uniqueName("raw");
        String deadLetter = KafkaCluster.uniqueName("dlq");
        String progress = KafkaCluster.uniqueName("redrive-progress");
        byte[] ahead = RawRecords.example()
                .sessionId("s-ahead")
                .timestamp(Instant.now().plus(Duration.ofHours(2)).toEpochMilli())
                .bytes();

        try (RunningService strict = RunningService.forVersion(stateRoot, version, raw, deadLetter, Map.of())
                        .start();
                KafkaProducer<byte[], byte[]> producer = KafkaCluster.producer(Map.of());
                KafkaConsumer<byte[], byte[]> letters = KafkaCluster.readCommittedConsumer(deadLetter)) {
            producer.send(new ProducerRecord<>(raw, utf8("s-ahead"), ahead)).get(30, TimeUnit.SECONDS);
            producer.send(new ProducerRecord<>(raw, utf8("s-broken"), utf8("{not json")))
                    .get(30, TimeUnit.SECONDS);
            assertThat(KafkaCluster.readUntil(letters, read -> read.size() >= 2, WAIT, Duration.ZERO))
                    .hasSize(2);
        }

        try (RunningService fixed = RunningService.forVersion(
                                stateRoot,
                                version,
                                raw,
                                deadLetter,
                                Map.of("access-records.dedup.max-clock-skew", "3h"))
                        .start();
                KafkaConsumer<byte[], byte[]> rows = KafkaCluster.readCommittedConsumer(fixed.processed)) {
            String[] absurd = {
                "--from-topic",
                deadLetter,
                "--reason",
                "ABSURD_VALUE",
                "--bootstrap-servers",
                KafkaCluster.bootstrapServers(),
                "--raw-topic",
                raw,
                "--progress-topic",
                progress
            };
            Run dryRun = Run.of(append(absurd, "--dry-run"));
            assertThat(dryRun.exitCode).as(dryRun.err).isZero();
            assertThat(dryRun.out).contains("would redrive " + deadLetter).contains("\"redriven\":0");
            assertThat(redrivenCopies(raw)).isEmpty();

            Run first = Run.of(absurd);
            assertThat(first.exitCode).as(first.err).isZero();
            assertThat(first.out).contains("redriven " + deadLetter).contains("\"redriven\":1");

            Run rerun = Run.of(absurd);
            assertThat(rerun.exitCode).as(rerun.err).isZero();
            assertThat(rerun.out).contains("\"redriven\":0").contains("\"already_redriven\":1");
            // Read after the rerun: its fencing waited for the first run's commit to reach the raw topic.
            List<ConsumerRecord<byte[], byte[]>> copies = redrivenCopies(raw);
            assertThat(copies).extracting(r -> text(r.key())).containsExactly("s-ahead");
            assertThat(copies.get(0).value()).isEqualTo(ahead);

            List<ConsumerRecord<byte[], byte[]>> processed = KafkaCluster.readUntil(
                    rows, read -> read.stream().anyMatch(r -> text(r.key()).equals("s-ahead")), WAIT, SETTLE);
            assertThat(processed).extracting(r -> text(r.key())).containsExactly("s-ahead");
        }
    }

    @Test
    void theSinksDeadLettersAreRefusedNamingWhereTheRowStillIs() throws Exception {
        String sinkLetters = KafkaCluster.uniqueName("sink-dlq");
        String raw = KafkaCluster.uniqueName("raw");
        KafkaCluster.createTopic(sinkLetters, 1, Map.of());
        KafkaCluster.createTopic(raw, 1, Map.of());
        ProducerRecord<byte[], byte[]> row = new ProducerRecord<>(sinkLetters, utf8("s-row"), utf8("{\"payload\":{}}"));
        row.headers()
                .add("__connect.errors.topic", utf8("synapse.accessrecords.processed.v1"))
                .add("__connect.errors.partition", utf8("3"))
                .add("__connect.errors.offset", utf8("42"));
        try (KafkaProducer<byte[], byte[]> producer = KafkaCluster.producer(Map.of())) {
            producer.send(row).get(30, TimeUnit.SECONDS);
        }

        Run run = Run.of(
                "--from-topic",
                sinkLetters,
                "--bootstrap-servers",
                KafkaCluster.bootstrapServers(),
                "--raw-topic",
                raw,
                "--progress-topic",
                KafkaCluster.uniqueName("redrive-progress"));

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err)
                .contains("is a processed row the S3 sink could not write")
                .contains("synapse.accessrecords.processed.v1 partition 3 at offset 42");
        assertThat(ToTheEnd.read(raw, WAIT)).isEmpty();
    }

    /** Every committed record of the raw topic that a redrive wrote, read to the topic's end. */
    private static List<ConsumerRecord<byte[], byte[]>> redrivenCopies(String raw) {
        List<ConsumerRecord<byte[], byte[]>> copies = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : ToTheEnd.read(raw, WAIT)) {
            if (record.headers().lastHeader(RawCopy.REDRIVEN_FROM) != null) {
                copies.add(record);
            }
        }
        return copies;
    }

    private static String[] append(String[] args, String extra) {
        String[] more = Arrays.copyOf(args, args.length + 1);
        more[args.length] = extra;
        return more;
    }

    /** One run of the command in this JVM, its exit code and what it printed. */
    private record Run(int exitCode, String out, String err) {
        static Run of(String... args) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = new CommandLine(new RedriveCommand()
                            .withStreams(
                                    new PrintStream(out, true, StandardCharsets.UTF_8),
                                    new PrintStream(err, true, StandardCharsets.UTF_8)))
                    .execute(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }
    }
}
