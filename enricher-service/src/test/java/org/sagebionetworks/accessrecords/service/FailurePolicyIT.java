package org.sagebionetworks.accessrecords.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sagebionetworks.accessrecords.service.ServiceRecords.text;
import static org.sagebionetworks.accessrecords.service.ServiceRecords.utf8;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sagebionetworks.accessrecords.service.kafka.RecordSizeRequirements;
import org.sagebionetworks.accessrecords.testing.RawRecords;
import org.sagebionetworks.accessrecords.testsupport.KafkaCluster;
import org.sagebionetworks.accessrecords.testsupport.ProxiedKafka;

/**
 * The failure policy against a real broker: a topic that would refuse records the service must write stops it at
 * startup, or, when it starts refusing later, stops it at that record with health DOWN and the reason logged; a
 * broker outage does not stop it.
 */
@ExtendWith(KafkaCluster.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class FailurePolicyIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Duration OUTAGE = Duration.ofSeconds(15);

    @TempDir
    Path work;

    @Test
    void aDeadLetterTopicSmallerThanTheLargestRawRecordStopsStartupSayingWhatToChange() {
        RunningService configured = RunningService.configure(work, Map.of());
        int rawLimit = 1_000_000;
        KafkaCluster.createTopic(
                configured.raw, 2, Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(rawLimit)));
        KafkaCluster.createTopic(configured.deadLetter, 2, Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "100000"));

        assertThatThrownBy(configured::start)
                .hasStackTraceContaining("Topic " + configured.deadLetter + " would refuse")
                .hasStackTraceContaining("max.message.bytes=100000")
                .hasStackTraceContaining("--entity-name " + configured.deadLetter + " --add-config max.message.bytes="
                        + (rawLimit + RecordSizeRequirements.DEAD_LETTER_HEADER_BYTES))
                .hasStackTraceContaining(configured.raw);
    }

    @Test
    void aDeadLetterTheTopicRefusesAfterStartupStopsTheServiceThereWithHealthDownAndTheReasonLogged() throws Exception {
        Map<String, String> environment = environment();
        String raw = environment.get("ACCESS_RECORDS_TOPICS_RAW");
        String deadLetterTopic = environment.get("ACCESS_RECORDS_TOPICS_DEAD_LETTER");
        byte[] refused = new byte[50_000];
        new Random(11).nextBytes(refused);

        try (KafkaProducer<byte[], byte[]> producer = KafkaCluster.producer(Map.of());
                KafkaConsumer<byte[], byte[]> rows =
                        KafkaCluster.readCommittedConsumer(environment.get("ACCESS_RECORDS_TOPICS_PROCESSED"));
                KafkaConsumer<byte[], byte[]> letters = KafkaCluster.readCommittedConsumer(deadLetterTopic);
                ServiceProcess service = new ServiceProcess(environment, work.resolve("service.log")).start()) {
            send(
                    producer,
                    raw,
                    "s-before",
                    RawRecords.example().sessionId("s-before").bytes());
            assertThat(KafkaCluster.readUntil(rows, read -> !read.isEmpty(), WAIT, Duration.ZERO))
                    .hasSize(1);

            shrink(deadLetterTopic, 10_000);
            send(producer, raw, "bad-0", refused);
            send(
                    producer,
                    raw,
                    "s-after",
                    RawRecords.example().sessionId("s-after").bytes());

            awaitStatus(service, "/health/readiness", 503);
            assertThat(service.status("/health/liveness")).isEqualTo(503);
            assertThat(service.get("/health").body())
                    .contains("\"failure\":\"a topic refused a record as too large: Topic " + deadLetterTopic);
            List<ConsumerRecord<byte[], byte[]>> later =
                    KafkaCluster.readUntil(rows, read -> true, WAIT, Duration.ofSeconds(3));
            assertThat(later).extracting(r -> text(r.key())).doesNotContain("s-after");
            assertThat(KafkaCluster.readUntil(letters, read -> true, WAIT, Duration.ZERO))
                    .isEmpty();
            assertThat(committedOffset(environment.get("ACCESS_RECORDS_APPLICATION_ID"), new TopicPartition(raw, 0)))
                    .as("the raw offset committed: the refused record's")
                    .isEqualTo(1);
            assertThat(service.logLines())
                    .anyMatch(line -> line.contains("Stopping Kafka Streams")
                            && line.contains(deadLetterTopic)
                            && line.contains("max.message.bytes"));
        }
    }

    @Test
    void aRemovedErrorPolicySettingLeftInTheEnvironmentStopsStartupNamingIt() throws Exception {
        Map<String, String> environment = environment();
        environment.put("ACCESS_RECORDS_PRODUCTION_ERRORS", "CONTINUE");
        try (ServiceProcess service = new ServiceProcess(environment, work.resolve("service.log")).launch()) {
            assertThat(service.awaitExit(Duration.ofSeconds(45))).isNotZero();
            assertThat(String.join("\n", service.logLines()))
                    .contains("access-records.production-errors (env ACCESS_RECORDS_PRODUCTION_ERRORS) was removed");
        }
    }

    @Test
    void aBrokerOutageLeavesTheServiceRunningAndItCatchesUpAfterwardsExactlyOnce() throws Exception {
        ProxiedKafka kafka = ProxiedKafka.start();
        try (RunningService service = RunningService.configure(
                                work, Map.of("kafka.bootstrap.servers", kafka.proxiedBootstrap()))
                        .start();
                KafkaProducer<byte[], byte[]> producer = KafkaCluster.producer(kafka.directBootstrap(), Map.of());
                KafkaConsumer<byte[], byte[]> rows =
                        KafkaCluster.readCommittedConsumer(kafka.directBootstrap(), service.processed)) {
            send(
                    producer,
                    service.raw,
                    "s-before",
                    RawRecords.example().sessionId("s-before").bytes());
            List<ConsumerRecord<byte[], byte[]>> read =
                    new ArrayList<>(KafkaCluster.readUntil(rows, r -> !r.isEmpty(), WAIT, Duration.ZERO));

            kafka.proxy.cut();
            send(
                    producer,
                    service.raw,
                    "s-during",
                    RawRecords.example().sessionId("s-during").bytes());
            // The fault itself: longer than the group's 6 s session, so the service really loses its membership.
            Thread.sleep(OUTAGE.toMillis());
            kafka.proxy.restore();
            send(
                    producer,
                    service.raw,
                    "s-after",
                    RawRecords.example().sessionId("s-after").bytes());

            read.addAll(KafkaCluster.readUntil(rows, r -> read.size() + r.size() >= 3, WAIT, Duration.ofSeconds(2)));
            assertThat(read)
                    .extracting(r -> text(r.key()))
                    .containsExactlyInAnyOrder("s-before", "s-during", "s-after");
            service.awaitState(KafkaStreams.State.RUNNING, WAIT);
            assertThat(service.get("/health/readiness").statusCode()).isEqualTo(200);
            assertThat(service.get("/health").body()).doesNotContain("\"failure\"");
        } finally {
            kafka.stop();
        }
    }

    private Map<String, String> environment() {
        Map<String, String> environment = new HashMap<>();
        environment.put("KAFKA_BOOTSTRAP_SERVERS", KafkaCluster.bootstrapServers());
        environment.put("ACCESS_RECORDS_APPLICATION_ID", KafkaCluster.uniqueName("enricher-failure"));
        environment.put("ACCESS_RECORDS_TOPICS_RAW", KafkaCluster.uniqueName("raw"));
        environment.put("ACCESS_RECORDS_TOPICS_PROCESSED", KafkaCluster.uniqueName("processed"));
        environment.put("ACCESS_RECORDS_TOPICS_DEAD_LETTER", KafkaCluster.uniqueName("dlq"));
        environment.put("ACCESS_RECORDS_TOPICS_PARTITIONS", "2");
        environment.put("ACCESS_RECORDS_TOPICS_REPLICATION_FACTOR", "1");
        environment.put("ACCESS_RECORDS_STATE_DIR", work.resolve("state").toString());
        return environment;
    }

    /** To raw partition 0, so the records keep their order, and waits for the ack. */
    private static void send(KafkaProducer<byte[], byte[]> producer, String raw, String key, byte[] value)
            throws Exception {
        producer.send(new ProducerRecord<>(raw, 0, utf8(key), value)).get(30, TimeUnit.SECONDS);
    }

    /** Lowers the topic's max.message.bytes and waits until the broker applies it. */
    private static void shrink(String topic, int maxMessageBytes) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        try (Admin admin = admin()) {
            admin.incrementalAlterConfigs(Map.of(
                            resource,
                            List.of(new AlterConfigOp(
                                    new ConfigEntry(
                                            TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(maxMessageBytes)),
                                    AlterConfigOp.OpType.SET))))
                    .all()
                    .get(30, TimeUnit.SECONDS);
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (!String.valueOf(maxMessageBytes)
                    .equals(admin.describeConfigs(List.of(resource))
                            .all()
                            .get(30, TimeUnit.SECONDS)
                            .get(resource)
                            .get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG)
                            .value())) {
                assertThat(System.nanoTime()).as("broker applied the new limit").isLessThan(deadline);
                Thread.sleep(100);
            }
        }
    }

    private static long committedOffset(String group, TopicPartition partition) throws Exception {
        try (Admin admin = admin()) {
            OffsetAndMetadata committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata()
                    .get(30, TimeUnit.SECONDS)
                    .get(partition);
            return committed == null ? -1 : committed.offset();
        }
    }

    private static void awaitStatus(ServiceProcess service, String path, int status) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (service.status(path) != status) {
            if (System.nanoTime() > deadline) {
                List<String> log = service.logLines();
                throw new AssertionError(path + " did not answer " + status + " within " + WAIT + "; the log ends:\n"
                        + String.join("\n", log.subList(Math.max(0, log.size() - 40), log.size())));
            }
            Thread.sleep(250);
        }
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaCluster.bootstrapServers()));
    }
}
