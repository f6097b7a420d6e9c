package org.sagebionetworks.accessrecords.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sagebionetworks.accessrecords.service.ServiceRecords.metric;
import static org.sagebionetworks.accessrecords.service.ServiceRecords.text;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import kafka.testkit.KafkaClusterTestKit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sagebionetworks.accessrecords.testing.RawRecords;
import org.sagebionetworks.accessrecords.testsupport.KafkaCluster;

/**
 * A state directory kept across a change of cluster, or across changelogs recreated elsewhere, must not decide
 * dedup: the service rebuilds it from the changelogs it finds. The same records sent to the new cluster are new
 * there, so each must come out once.
 */
@ExtendWith(KafkaCluster.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ForeignLocalStateIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Duration SETTLE = Duration.ofSeconds(2);
    /** The rows are committed within a second of being read; the wait only bounds a wrong result. */
    private static final Duration ROWS_WAIT = Duration.ofSeconds(15);

    @TempDir
    Path stateDir;

    private final List<String> records = records();

    @Test
    void localStateBuiltOnAnotherClusterIsRebuiltFromTheNewClustersChangelogs() throws Exception {
        RunningService onFirst = RunningService.configure(stateDir, Map.of());
        runOnce(onFirst, KafkaCluster.bootstrapServers(), records.size());

        KafkaClusterTestKit second = KafkaCluster.singleNode().build();
        try (second) {
            second.format();
            second.startup();
            second.waitForReadyBrokers();
            RunningService onSecond = onFirst.sameTopics(Map.of("kafka.bootstrap.servers", second.bootstrapServers()));
            List<ConsumerRecord<byte[], byte[]>> rows = runOnce(onSecond, second.bootstrapServers(), records.size());

            assertThat(rows)
                    .extracting(row -> text(row.key()))
                    .doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(sessionIds());
        }
    }

    @Test
    void localStateIsRebuiltWhenItsChangelogsWereDeletedAndRecreatedElsewhere() throws Exception {
        RunningService service = RunningService.configure(stateDir, Map.of());
        runOnce(service, KafkaCluster.bootstrapServers(), records.size());
        deleteChangelogs(service.applicationId);

        List<ConsumerRecord<byte[], byte[]>> rows =
                runOnce(service, KafkaCluster.bootstrapServers(), 2 * records.size());

        Map<String, Long> rowsPerSession =
                rows.stream().collect(Collectors.groupingBy(row -> text(row.key()), Collectors.counting()));
        assertThat(rowsPerSession)
                .containsOnlyKeys(sessionIds())
                .allSatisfy((id, count) -> assertThat(count)
                        .as("rows of %s: one before the changelogs were recreated, one after", id)
                        .isEqualTo(2));
    }

    /**
     * Starts the service, sends the records, and once it has read them returns every row of the processed topic
     * (waiting for {@code expectedRows}), then stops the service.
     */
    private List<ConsumerRecord<byte[], byte[]>> runOnce(
            RunningService configured, String bootstrapServers, int expectedRows) throws Exception {
        try (RunningService service = configured.start();
                KafkaProducer<byte[], byte[]> producer =
                        KafkaCluster.producer(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
                KafkaConsumer<byte[], byte[]> rows = readCommitted(bootstrapServers, service.processed)) {
            double sentBefore = metric(service.get("/prometheus").body(), "access_records_in_total");
            ServiceRecords.send(producer, service.raw, records);
            awaitProcessed(service, sentBefore + records.size());
            return KafkaCluster.readUntil(rows, read -> read.size() >= expectedRows, ROWS_WAIT, SETTLE);
        }
    }

    private static List<String> records() {
        long anHourAgo = Instant.now().minus(Duration.ofHours(1)).toEpochMilli();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            lines.add(RawRecords.example()
                    .sessionId("s-" + i)
                    .timestamp(anHourAgo + i)
                    .json());
        }
        return lines;
    }

    private Set<String> sessionIds() {
        return records.stream()
                .map(line -> ServiceRecords.sessionIdOf(line, "?"))
                .collect(Collectors.toSet());
    }

    private static void awaitProcessed(RunningService service, double expected) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (metric(service.get("/prometheus").body(), "access_records_in_total") < expected) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the service did not read " + expected + " records within " + WAIT);
            }
            Thread.sleep(200);
        }
    }

    /** What a replay run on another machine does to the app's internal topics: its local state stays here. */
    private static void deleteChangelogs(String applicationId) throws Exception {
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaCluster.bootstrapServers()))) {
            Set<String> changelogs = admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
                    .filter(topic -> topic.startsWith(applicationId + "-") && topic.endsWith("-changelog"))
                    .collect(Collectors.toSet());
            assertThat(changelogs).isNotEmpty();
            admin.deleteTopics(changelogs).all().get(30, TimeUnit.SECONDS);
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (admin.listTopics().names().get(30, TimeUnit.SECONDS).stream().anyMatch(changelogs::contains)) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("changelogs " + changelogs + " still listed after " + WAIT);
                }
                Thread.sleep(200);
            }
        }
    }

    private static KafkaConsumer<byte[], byte[]> readCommitted(String bootstrapServers, String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, KafkaCluster.uniqueName("reader"));
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
        return consumer;
    }
}
