package org.sagebionetworks.accessrecords.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sagebionetworks.accessrecords.service.ServiceRecords.metric;
import static org.sagebionetworks.accessrecords.service.ServiceRecords.text;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sagebionetworks.accessrecords.testsupport.KafkaCluster;

/**
 * Two instances of the packaged service share one application id; one is killed with SIGKILL while records stream
 * in, and the other takes over its partitions: what a read_committed reader sees stays exactly once, and the
 * survivor, with the dead instance's dedup state restored from the changelog, drops duplicates of what the dead one
 * had processed.
 */
@ExtendWith(KafkaCluster.class)
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class InstanceFailoverIT {

    private static final int PARTITIONS = 4;
    private static final long FIRST_EVENT_TIME = 1_700_000_000_000L;
    private static final int RESENT = 300;
    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    Path work;

    @Test
    void aKilledInstancesPartitionsMoveToTheSurvivorWithEveryRecordOnceAndItsDuplicatesStillDropped() throws Exception {
        Map<String, String> environment = environment();
        String raw = environment.get("ACCESS_RECORDS_TOPICS_RAW");
        String processed = environment.get("ACCESS_RECORDS_TOPICS_PROCESSED");
        try (KafkaProducer<byte[], byte[]> producer = KafkaCluster.producer(Map.of());
                KafkaConsumer<byte[], byte[]> rows = KafkaCluster.readCommittedConsumer(processed);
                StreamsGroup group = new StreamsGroup(
                        KafkaCluster.bootstrapServers(), environment.get("ACCESS_RECORDS_APPLICATION_ID"), raw);
                OpenTransactions transactions = new OpenTransactions(KafkaCluster.bootstrapServers());
                ServiceProcess doomed = instance(environment, "doomed").start();
                ServiceProcess survivor = instance(environment, "survivor").start()) {
            Set<Integer> doomedPartitions = group.awaitOwners(
                            owners -> owners.size() == 2
                                    && owners.values().stream().noneMatch(Set::isEmpty),
                            WAIT)
                    .get("doomed");

            List<ConsumerRecord<byte[], byte[]>> visibleAtKill;
            Map<String, String> sent;
            boolean killedInAnOpenTransaction;
            TrafficStream traffic = TrafficStream.toTopic(producer, raw, "failover", FIRST_EVENT_TIME);
            try (traffic) {
                visibleAtKill = KafkaCluster.readUntil(rows, read -> read.size() >= 2_000, WAIT, Duration.ZERO);
                // Rows keep their raw record's key and the topics' partition counts match: the doomed instance
                // writes the processed partitions of the raw partitions it owns.
                killedInAnOpenTransaction =
                        killInAnOpenTransaction(doomed, transactions, processedPartitions(processed, doomedPartitions));
                group.awaitOwners(
                        owners -> owners.keySet().equals(Set.of("survivor"))
                                && owners.get("survivor").size() == PARTITIONS,
                        WAIT);
                sent = traffic.stop();
            }
            List<String> duplicates = visibleAtKill.stream()
                    .map(row -> text(row.key()))
                    .filter(sessionId -> traffic.partitionOf(sessionId) != null
                            && doomedPartitions.contains(traffic.partitionOf(sessionId)))
                    .limit(RESENT)
                    .map(sent::get)
                    .toList();
            assertThat(duplicates).as("rows the doomed instance had committed").hasSize(RESENT);
            ServiceRecords.send(producer, raw, duplicates);

            List<ConsumerRecord<byte[], byte[]>> read = new ArrayList<>(visibleAtKill);
            read.addAll(KafkaCluster.readUntil(
                    rows, more -> visibleAtKill.size() + more.size() >= sent.size(), WAIT, Duration.ofSeconds(3)));
            List<String> keys = read.stream().map(row -> text(row.key())).toList();
            assertThat(keys).doesNotHaveDuplicates();
            assertThat(Set.copyOf(keys)).isEqualTo(sent.keySet());
            assertThat(awaitDuplicatesDropped(survivor, RESENT))
                    .as("duplicates the survivor dropped: the re-sent ones, no record redone after the kill")
                    .isEqualTo(RESENT);

            assertThat(killedInAnOpenTransaction)
                    .as("the kill came while a transaction was open")
                    .isTrue();
            assertThat(rowsIn(processed, doomedPartitions, IsolationLevel.READ_UNCOMMITTED))
                    .as("rows of the aborted transaction are on the broker, visible to read_uncommitted only")
                    .isGreaterThan(rowsIn(processed, doomedPartitions, IsolationLevel.READ_COMMITTED));
        }
    }

    /**
     * Kills the instance while one of its transactions is open. Seeing a transaction open and then killing would
     * race its commit (a commit every 100 ms; under load the kill lands later), so the instance is frozen first,
     * and killed only if it froze with a transaction open; otherwise it runs on and the next one is tried.
     */
    private static boolean killInAnOpenTransaction(
            ServiceProcess doomed, OpenTransactions transactions, Set<TopicPartition> partitions) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            transactions.awaitOpen(partitions, Duration.ofSeconds(5));
            doomed.pause();
            // A commit already sent when the signal came lands now, before the look.
            TimeUnit.MILLISECONDS.sleep(300);
            if (transactions.open(partitions)) {
                doomed.kill();
                return true;
            }
            doomed.resume();
        }
        doomed.kill();
        return false;
    }

    private ServiceProcess instance(Map<String, String> environment, String name) throws Exception {
        Map<String, String> own = new HashMap<>(environment);
        own.put("ACCESS_RECORDS_STATE_DIR", work.resolve("state-" + name).toString());
        return new ServiceProcess(own, work.resolve(name + ".log")).systemProperty("kafka.streams.client.id", name);
    }

    private Map<String, String> environment() {
        Map<String, String> environment = new HashMap<>();
        environment.put("KAFKA_BOOTSTRAP_SERVERS", KafkaCluster.bootstrapServers());
        environment.put("ACCESS_RECORDS_APPLICATION_ID", KafkaCluster.uniqueName("enricher-failover"));
        environment.put("ACCESS_RECORDS_TOPICS_RAW", KafkaCluster.uniqueName("raw"));
        environment.put("ACCESS_RECORDS_TOPICS_PROCESSED", KafkaCluster.uniqueName("processed"));
        environment.put("ACCESS_RECORDS_TOPICS_DEAD_LETTER", KafkaCluster.uniqueName("dlq"));
        environment.put("ACCESS_RECORDS_TOPICS_PARTITIONS", String.valueOf(PARTITIONS));
        environment.put("ACCESS_RECORDS_TOPICS_REPLICATION_FACTOR", "1");
        return environment;
    }

    private static Set<TopicPartition> processedPartitions(String processed, Set<Integer> partitions) {
        return partitions.stream()
                .map(partition -> new TopicPartition(processed, partition))
                .collect(Collectors.toSet());
    }

    /** The survivor's count of dropped duplicates, once it reached {@code expected} or the wait ran out. */
    private static double awaitDuplicatesDropped(ServiceProcess survivor, int expected) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (metric(survivor.get("/prometheus").body(), "access_records_duplicates_dropped_total") < expected
                && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(200);
        }
        return metric(survivor.get("/prometheus").body(), "access_records_duplicates_dropped_total");
    }

    /** How many rows of these partitions a reader of the isolation level gets, reading to the end it may read. */
    private static long rowsIn(String topic, Set<Integer> partitions, IsolationLevel isolation) {
        try (KafkaConsumer<byte[], byte[]> consumer =
                KafkaCluster.consumer(KafkaCluster.bootstrapServers(), topic, isolation)) {
            consumer.unsubscribe();
            Set<TopicPartition> assigned = processedPartitions(topic, partitions);
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
            Map<TopicPartition, Long> ends = consumer.endOffsets(assigned);
            long rows = 0;
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (assigned.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                assertThat(System.nanoTime())
                        .as("read to the end within " + WAIT)
                        .isLessThan(deadline);
                rows += consumer.poll(Duration.ofMillis(200)).count();
            }
            return rows;
        }
    }
}
