package org.sagebionetworks.accessrecords.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sagebionetworks.accessrecords.schema.PipelineVersion;
import org.sagebionetworks.accessrecords.service.RunningService;
import org.sagebionetworks.accessrecords.service.ServiceRecords;
import org.sagebionetworks.accessrecords.testsupport.KafkaCluster;

/**
 * The replay tool's safety checks on a real broker: a version that was ever used is refused even when nothing of
 * it is left to count, and nothing is deleted before every check, the broker's own included, has passed.
 */
@ExtendWith(KafkaCluster.class)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ReplaySafetyIT {

    private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    static Path lakeDir;

    private static TestS3 lake;

    @TempDir
    Path stateRoot;

    @BeforeAll
    static void startLake() throws Exception {
        lake = TestS3.start(lakeDir);
    }

    @AfterAll
    static void stopLake() throws Exception {
        lake.close();
    }

    @Test
    void aVersionWhoseProcessedTopicRetentionEmptiedIsRefused() throws Exception {
        String version = freshVersion();
        String processed = PipelineVersion.of(version).processedTopic();
        KafkaCluster.createTopic(processed, 2, Map.of());
        try (KafkaProducer<byte[], byte[]> producer = KafkaCluster.producer(Map.of())) {
            for (int i = 0; i < 6; i++) {
                producer.send(
                        new ProducerRecord<>(processed, ServiceRecords.utf8("s" + i), ServiceRecords.utf8("row")));
            }
            producer.flush();
        }
        emptyAsRetentionWould(processed);

        ReplayRun run = ReplayRun.of(lake, rawTopic(), stateRoot, "--to-version", version, "--from-earliest");

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.err()).contains(processed, "written", "never used");
    }

    @Test
    void aVersionWhoseFolderOfTheLakeHoldsFilesIsRefused() {
        String version = freshVersion();
        String folder = PipelineVersion.of(version).topicsDir();
        String raw = rawTopic();
        assertThat(ReplayRun.of(lake, raw, stateRoot, "--to-version", version, "--from-earliest")
                        .out())
                .as("with nothing in the lake")
                .contains("s3://lake/" + folder + "/: empty");
        lake.putInLake(
                folder + "/synapse.accessrecords.processed." + version + "/year=2026/month=01/day=01/"
                        + "synapse.accessrecords.processed." + version + "+0+0000000000.snappy.parquet",
                "parquet");

        ReplayRun run = ReplayRun.of(lake, raw, stateRoot, "--to-version", version, "--from-earliest");

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.err()).contains("s3://lake/" + folder + "/ holds files", "never used");
    }

    @Test
    void underALakePrefixTheVersionsFolderThereIsTheOneLookedAt() {
        String version = freshVersion();
        String folder = "warehouse/stream/" + PipelineVersion.of(version).topicsDir();
        String raw = rawTopic();
        lake.putInLake(
                folder + "/synapse.accessrecords.processed." + version + "/record_date=2026-01-01/"
                        + "synapse.accessrecords.processed." + version + "+0+0000000000.snappy.parquet",
                "parquet");

        ReplayRun run = ReplayRun.of(
                lake, raw, stateRoot, "--to-version", version, "--lake-prefix", "warehouse/stream", "--from-earliest");

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.err()).contains("s3://lake/" + folder + "/ holds files", "never used");
    }

    @Test
    void theServingVersionIsRefusedThoughNothingElseMarksItAsUsed() {
        String version = freshVersion();
        String raw = rawTopic();
        assertThat(ReplayRun.of(lake, raw, stateRoot, "--to-version", version, "--from-earliest")
                        .exitCode())
                .as("while another version serves")
                .isZero();

        ReplayRun run = ReplayRun.serving(version, lake, raw, stateRoot, "--to-version", version, "--from-earliest");

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.err()).contains(version + " is the version the view processedaccessrecord serves");
    }

    @Test
    void withTheAppStartedAfterPlanningNothingIsDeleted() throws Exception {
        String version = freshVersion();
        String applicationId = PipelineVersion.of(version).applicationId();
        String raw = rawTopic();
        RunningService service =
                RunningService.forVersion(stateRoot, version, raw, KafkaCluster.uniqueName("dlq"), Map.of());
        service.start().close();
        Map<String, Uuid> internal = internalTopicIds(applicationId);
        assertThat(internal).as("the first run's changelog").isNotEmpty();

        ReplayTarget target =
                ReplayTarget.of(PipelineVersion.of(version), null, raw, null, null, stateRoot, LakePrefix.ROOT);
        ReplayPlan plan;
        try (Admin admin = admin()) {
            PriorUse priorUse = new PriorUse(new TopicOffsets(admin, KAFKA_TIMEOUT), lake.lakeFolder(), null);
            HistoryPlanner history = new HistoryPlanner(admin, null, KAFKA_TIMEOUT); // the target has no history topic
            plan = new ReplayPlanner(admin, KAFKA_TIMEOUT, Duration.ofSeconds(30), quiet(), priorUse, history)
                    .plan(target, PipelineVersion.of(ReplayRun.SERVING), StartingPoint.earliest(), false);
        }
        assertThat(plan.internalTopics()).containsExactlyInAnyOrderElementsOf(internal.keySet());

        try (RunningService again = RunningService.forVersion(
                                stateRoot, version, raw, KafkaCluster.uniqueName("dlq"), Map.of())
                        .start();
                Admin admin = admin()) {
            assertThatThrownBy(() -> new ReplayExecutor(admin, KAFKA_TIMEOUT, quiet()).execute(plan))
                    .hasMessageContaining(applicationId);
            assertThat(internalTopicIds(applicationId))
                    .as("the same topics, never deleted")
                    .isEqualTo(internal);
            assertThat(stateRoot.resolve(applicationId)).isDirectory();
        }
    }

    /** What retention does to an old topic: every record gone, the offsets where they were stay. */
    private static void emptyAsRetentionWould(String topic) throws Exception {
        try (Admin admin = admin()) {
            List<TopicPartition> partitions =
                    admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().stream()
                            .map(p -> new TopicPartition(topic, p.partition()))
                            .toList();
            Map<TopicPartition, Long> ends = admin
                    .listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                    .all()
                    .get()
                    .entrySet()
                    .stream()
                    .collect(Collectors.toMap(
                            Map.Entry::getKey, e -> e.getValue().offset()));
            assertThat(ends.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(6);
            admin.deleteRecords(ends.entrySet().stream()
                            .collect(Collectors.toMap(
                                    Map.Entry::getKey, e -> RecordsToDelete.beforeOffset(e.getValue()))))
                    .all()
                    .get();
            Map<TopicPartition, Long> starts = admin
                    .listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.earliest())))
                    .all()
                    .get()
                    .entrySet()
                    .stream()
                    .collect(Collectors.toMap(
                            Map.Entry::getKey, e -> e.getValue().offset()));
            assertThat(starts).as("nothing left to read").isEqualTo(ends);
        }
    }

    private static Map<String, Uuid> internalTopicIds(String applicationId) throws Exception {
        try (Admin admin = admin()) {
            List<String> names = admin.listTopics().names().get().stream()
                    .filter(name -> name.startsWith(applicationId + "-"))
                    .toList();
            return admin.describeTopics(names).allTopicNames().get().values().stream()
                    .collect(Collectors.toMap(TopicDescription::name, TopicDescription::topicId));
        }
    }

    private static String freshVersion() {
        return "v" + ThreadLocalRandom.current().nextInt(1000, 900_000);
    }

    private static String rawTopic() {
        String raw = KafkaCluster.uniqueName("raw");
        KafkaCluster.createTopic(raw, 2, Map.of("retention.ms", "-1"));
        return raw;
    }

    private static PrintStream quiet() {
        return new PrintStream(OutputStream.nullOutputStream());
    }

    private static Admin admin() {
        return Admin.create(
                new HashMap<>(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaCluster.bootstrapServers())));
    }
}
