package org.sagebionetworks.accessrecords.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sagebionetworks.accessrecords.service.ServiceRecords.metric;
import static org.sagebionetworks.accessrecords.service.ServiceRecords.text;
import static org.sagebionetworks.accessrecords.service.ServiceRecords.utf8;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.sagebionetworks.accessrecords.service.config.RocksDBMemoryConfig;
import org.sagebionetworks.accessrecords.service.dedup.DedupStep;
import org.sagebionetworks.accessrecords.service.state.SharedRocksDBMemory;
import org.sagebionetworks.accessrecords.testing.RawRecords;
import org.sagebionetworks.accessrecords.testsupport.KafkaCluster;
import org.sagebionetworks.accessrecords.testsupport.StandaloneKafka;

/**
 * The dedup store rebuilt from its changelog alone after the service was stopped for longer than the horizon. The
 * horizon is event time, but the broker deletes changelog segments by their timestamps against its wall clock
 * (retention.ms = horizon + 1 ms + {@code windowstore.changelog.additional.retention.ms}), so the test runs on a
 * broker of its own that enforces retention every half second (the shared one would take up to five minutes):
 * a changelog kept only for the horizon in wall time would be gone when the service comes back, and the
 * duplicates below would come out again. The records are from 2023, as in a backfill.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class DedupRestoreIT {

    private static final Duration HORIZON = Duration.ofSeconds(5);
    private static final long NEWEST = 1_700_000_000_000L;
    private static final int RECORDS = 10;
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path stateDir;

    @Test
    void afterAStopLongerThanTheHorizonWithLocalStateLostDuplicatesInsideTheHorizonAreDroppedAndOlderOnesAreLate()
            throws Exception {
        try (StandaloneKafka kafka = StandaloneKafka.start(Map.of("log.cleaner.backoff.ms", "500"));
                KafkaProducer<byte[], byte[]> producer = KafkaCluster.producer(kafka.bootstrapServers(), Map.of());
                Admin admin =
                        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            // One partition: the newest event time is per partition, and the boundary below needs a single one.
            RunningService pipeline = RunningService.configure(
                    kafka.bootstrapServers(),
                    stateDir,
                    Map.of("access-records.dedup.horizon", HORIZON.toString(), "access-records.topics.partitions", 1));
            List<String> seen = IntStream.range(0, RECORDS)
                    .map(n -> RECORDS - 1 - n)
                    .mapToObj(DedupRestoreIT::secondsBeforeNewest)
                    .toList();
            try (KafkaConsumer<byte[], byte[]> rows = KafkaCluster.consumer(
                    kafka.bootstrapServers(), pipeline.processed, IsolationLevel.READ_COMMITTED)) {
                try (RunningService service = pipeline.start()) {
                    ServiceRecords.send(producer, service.raw, seen);
                    KafkaCluster.readUntil(rows, read -> read.size() >= RECORDS, WAIT, Duration.ZERO);
                }
                wipe(stateDir);
                awaitStopLongerThanTheHorizon(kafka, admin);

                try (RunningService restarted = pipeline.sameTopics(Map.of()).start()) {
                    List<String> again = new ArrayList<>(seen);
                    again.add(RawRecords.example()
                            .sessionId("s-after")
                            .timestamp(NEWEST + 1)
                            .json());
                    ServiceRecords.send(producer, restarted.raw, again);

                    List<ConsumerRecord<byte[], byte[]>> after =
                            KafkaCluster.readUntil(rows, read -> read.size() >= 5, WAIT, Duration.ofSeconds(2));
                    assertThat(after)
                            .extracting(row -> text(row.key()))
                            .as("late (older than newest - horizon), then the new one")
                            .containsExactly("s-9", "s-8", "s-7", "s-6", "s-after");
                    String prometheus = restarted.get("/prometheus").body();
                    assertThat(metric(prometheus, "access_records_duplicates_dropped_total"))
                            .as("s-0 to s-5, s-5 exactly at newest - horizon")
                            .isEqualTo(6);
                    assertThat(metric(prometheus, "access_records_late_total")).isEqualTo(4);
                    assertThat(SharedRocksDBMemory.of(restarted.bean(RocksDBMemoryConfig.class))
                                    .cache()
                                    .getUsage())
                            .as("the restored stores draw on the process's one RocksDB cache")
                            .isPositive();
                }
            }
            Config changelog = admin.describeConfigs(List.of(new ConfigResource(
                            ConfigResource.Type.TOPIC,
                            pipeline.applicationId + "-" + DedupStep.SEEN_SESSIONS + "-changelog")))
                    .all()
                    .get(30, TimeUnit.SECONDS)
                    .values()
                    .iterator()
                    .next();
            assertThat(changelog.get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo("compact,delete");
            assertThat(Long.parseLong(
                            changelog.get(TopicConfig.RETENTION_MS_CONFIG).value()))
                    .as("window retention (horizon + 1 ms) + "
                            + StreamsConfig.WINDOW_STORE_CHANGE_LOG_ADDITIONAL_RETENTION_MS_CONFIG)
                    .isEqualTo(HORIZON.toMillis() + 1 + Duration.ofDays(1).toMillis());
        }
    }

    /** s-N, N seconds before the newest event time: s-0 is the newest. */
    private static String secondsBeforeNewest(int seconds) {
        return RawRecords.example()
                .sessionId("s-" + seconds)
                .timestamp(NEWEST - seconds * 1000L)
                .json();
    }

    /**
     * Waits until the broker has deleted, by retention, a record written now to a topic that keeps records for the
     * horizon only: then more wall time than the horizon has passed since the service stopped, and the broker's
     * retention has run on every compact,delete topic since, the dedup changelog included.
     */
    private static void awaitStopLongerThanTheHorizon(StandaloneKafka kafka, Admin admin) throws Exception {
        String canary = KafkaCluster.uniqueName("horizon-canary");
        kafka.createTopic(
                canary,
                1,
                Map.of(
                        TopicConfig.CLEANUP_POLICY_CONFIG,
                        "compact,delete",
                        TopicConfig.RETENTION_MS_CONFIG,
                        String.valueOf(HORIZON.toMillis())));
        try (KafkaProducer<byte[], byte[]> producer = KafkaCluster.producer(kafka.bootstrapServers(), Map.of())) {
            producer.send(new ProducerRecord<>(canary, utf8("stopped"), utf8("at this time")))
                    .get(30, TimeUnit.SECONDS);
        }
        TopicPartition partition = new TopicPartition(canary, 0);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (admin.listOffsets(Map.of(partition, OffsetSpec.earliest()))
                        .partitionResult(partition)
                        .get(30, TimeUnit.SECONDS)
                        .offset()
                == 0) {
            assertThat(System.nanoTime())
                    .as("the broker deleted the canary within " + WAIT)
                    .isLessThan(deadline);
            TimeUnit.MILLISECONDS.sleep(250);
        }
    }

    private static void wipe(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder())
                    .filter(path -> !path.equals(directory))
                    .toList()) {
                Files.delete(path);
            }
        }
    }
}
