package org.sagebionetworks.accessrecords.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sagebionetworks.accessrecords.testing.SyntheticTraffic;
import org.sagebionetworks.accessrecords.testsupport.KafkaCluster;
import org.sagebionetworks.accessrecords.testsupport.StandaloneKafka;

/**
 * The service as a black box: the packaged jar, configured by environment variables only, against a real broker,
 * read back with read_committed as the S3 sink reads it.
 */
@ExtendWith(KafkaCluster.class)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class EnricherJarIT {

    @TempDir
    Path work;

    @Test
    void aKillMidStreamAndARestartLoseNothingAndDuplicateNothing() throws Exception {
        Map<String, String> environment = environment();
        List<String> firstHalf = traffic(1, 20_000);
        List<String> secondHalf = traffic(2, 5_000);
        Set<String> expected = sessionIds(firstHalf, secondHalf);

        try (KafkaProducer<byte[], byte[]> producer = KafkaCluster.producer(Map.of());
                KafkaConsumer<byte[], byte[]> rows =
                        KafkaCluster.readCommittedConsumer(environment.get("ACCESS_RECORDS_TOPICS_PROCESSED"))) {
            List<ConsumerRecord<byte[], byte[]>> read = new ArrayList<>();
            try (ServiceProcess service = new ServiceProcess(environment, work.resolve("service.log")).start()) {
                ServiceRecords.send(producer, environment.get("ACCESS_RECORDS_TOPICS_RAW"), firstHalf);
                read.addAll(
                        KafkaCluster.readUntil(rows, r -> r.size() >= 1_000, Duration.ofSeconds(60), Duration.ZERO));
                service.kill();
                assertThat(read).as("rows visible when killed").hasSizeLessThan(firstHalf.size());
            }
            try (ServiceProcess restarted = new ServiceProcess(environment, work.resolve("service.log")).start()) {
                ServiceRecords.send(producer, environment.get("ACCESS_RECORDS_TOPICS_RAW"), secondHalf);
                read.addAll(KafkaCluster.readUntil(
                        rows,
                        r -> read.size() + r.size() >= expected.size(),
                        Duration.ofSeconds(120),
                        Duration.ofSeconds(3)));
            }

            List<String> keys =
                    read.stream().map(r -> ServiceRecords.text(r.key())).toList();
            assertThat(keys).doesNotHaveDuplicates();
            assertThat(Set.copyOf(keys)).isEqualTo(expected);
        }
    }

    @Test
    void sigtermCommitsAndClosesWithinTheShutdownTimeout() throws Exception {
        Map<String, String> environment = environment();
        environment.put("ACCESS_RECORDS_SHUTDOWN_TIMEOUT", "20s");
        try (KafkaProducer<byte[], byte[]> producer = KafkaCluster.producer(Map.of());
                ServiceProcess service = new ServiceProcess(environment, work.resolve("service.log")).start()) {
            ServiceRecords.send(producer, environment.get("ACCESS_RECORDS_TOPICS_RAW"), traffic(3, 2_000));

            assertThat(service.terminate(Duration.ofSeconds(40))).isTrue();
            assertThat(service.logLines()).anyMatch(line -> line.contains("Kafka Streams closed"));
        }
    }

    @Test
    void givenOnlyTheBrokersItRunsAgainstASingleDevelopmentBroker() throws Exception {
        try (StandaloneKafka broker = StandaloneKafka.start(Map.of());
                ServiceProcess service = new ServiceProcess(
                                Map.of(
                                        "KAFKA_BOOTSTRAP_SERVERS",
                                        broker.bootstrapServers(),
                                        // Not a setting the service needs: it keeps this test's state out of the shared
                                        // /tmp default.
                                        "ACCESS_RECORDS_STATE_DIR",
                                        work.resolve("defaults-state").toString()),
                                work.resolve("defaults.log"))
                        .start()) {
            assertThat(service.get("/health/readiness").statusCode()).isEqualTo(200);
        }
    }

    private Map<String, String> environment() {
        Map<String, String> environment = new HashMap<>();
        environment.put("KAFKA_BOOTSTRAP_SERVERS", KafkaCluster.bootstrapServers());
        environment.put("ACCESS_RECORDS_APPLICATION_ID", KafkaCluster.uniqueName("enricher-jar"));
        environment.put("ACCESS_RECORDS_TOPICS_RAW", KafkaCluster.uniqueName("raw"));
        environment.put("ACCESS_RECORDS_TOPICS_PROCESSED", KafkaCluster.uniqueName("processed"));
        environment.put("ACCESS_RECORDS_TOPICS_DEAD_LETTER", KafkaCluster.uniqueName("dlq"));
        environment.put("ACCESS_RECORDS_TOPICS_PARTITIONS", "3");
        environment.put("ACCESS_RECORDS_TOPICS_REPLICATION_FACTOR", "1");
        environment.put("ACCESS_RECORDS_STATE_DIR", work.resolve("state").toString());
        return environment;
    }

    private static List<String> traffic(long seed, int records) {
        SyntheticTraffic traffic = new SyntheticTraffic(seed, 1_700_000_000_000L, 100L);
        List<String> lines = new ArrayList<>(records);
        for (int i = 0; i < records; i++) {
            lines.add(traffic.next());
        }
        return lines;
    }

    @SafeVarargs
    private static Set<String> sessionIds(List<String>... batches) {
        return Arrays.stream(batches)
                .flatMap(List::stream)
                .map(line -> ServiceRecords.sessionIdOf(line, null))
                .collect(Collectors.toSet());
    }
}
