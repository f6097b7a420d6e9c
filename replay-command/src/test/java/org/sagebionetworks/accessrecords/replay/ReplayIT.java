package org.sagebionetworks.accessrecords.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sagebionetworks.accessrecords.service.ServiceRecords.utf8;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sagebionetworks.accessrecords.service.RunningService;
import org.sagebionetworks.accessrecords.service.ServiceRecords;
import org.sagebionetworks.accessrecords.testing.RawRecords;
import org.sagebionetworks.accessrecords.testing.SyntheticTraffic;
import org.sagebionetworks.accessrecords.testsupport.KafkaCluster;

/**
 * Blue/green on a real broker with the real service: a version replayed from the raw topic decides exactly as the
 * first one did, a version with a changed rule differs exactly where the rule bites, and the replay tool refuses
 * what would hurt (a running app, rows already written) and leaves no state of an earlier attempt behind.
 */
@ExtendWith(KafkaCluster.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ReplayIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Duration SETTLE = Duration.ofSeconds(2);
    private static final long T0 = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
    private static final long HOUR = Duration.ofHours(1).toMillis();

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
    void aReplayedVersionGivesTheSameRowsAndAChangedRuleChangesOnlyTheRowsItBites() throws Exception {
        int base = ThreadLocalRandom.current().nextInt(1000, 900_000);
        String v1 = "v" + base;
        String v2 = "v" + (base + 1);
        String v3 = "v" + (base + 2);
        String raw = rawTopic();
        List<String> synthetic = synthetic(21L, T0 + 10 * 60_000, 200);
        try (KafkaProducer<byte[], byte[]> producer = KafkaCluster.producer(Map.of())) {
            ServiceRecords.send(producer, raw, synthetic);
            ServiceRecords.send(producer, raw, List.of(synthetic.get(0))); // a producer retry: dropped by every version
            // On one partition: a record, event time moving 2 h on, then the record again. Inside a 24 h horizon
            // the copy is a duplicate; with a 1 h horizon it is late, which is emitted.
            for (String line :
                    List.of(record("late-copy", T0), record("advance", T0 + 2 * HOUR), record("late-copy", T0))) {
                String sessionId = RawRecords.sessionIdOf(line).orElseThrow();
                producer.send(new ProducerRecord<>(raw, 0, utf8(sessionId), utf8(line)))
                        .get();
            }
        }
        int distinct = synthetic.size() + 2;

        List<String> first = rowsOfVersion(v1, raw, Map.of(), distinct);

        ReplayRun dryRun = ReplayRun.of(lake, raw, stateRoot, "--to-version", v2, "--from-earliest");
        assertThat(dryRun.exitCode()).as(dryRun.err()).isZero();
        assertThat(dryRun.out())
                .contains(
                        "dry run",
                        "partition 0 -> offset 0",
                        "partition 1 -> offset 0",
                        "synapse-access-records-" + v2,
                        "topics.dir=processed/" + v2);
        assertThat(committed("synapse-access-records-" + v2))
                .as("a dry run changes nothing")
                .isEmpty();

        assertThat(ReplayRun.of(lake, raw, stateRoot, "--to-version", v2, "--from-earliest", "--execute")
                        .exitCode())
                .isZero();
        assertThat(committed("synapse-access-records-" + v2)).isEqualTo(Map.of(0, 0L, 1, 0L));
        assertThat(rowsOfVersion(v2, raw, Map.of(), distinct)).isEqualTo(first);

        assertThat(ReplayRun.of(lake, raw, stateRoot, "--to-version", v3, "--from-earliest", "--execute")
                        .exitCode())
                .isZero();
        List<String> changed = rowsOfVersion(v3, raw, Map.of("access-records.dedup.horizon", "1h"), distinct + 1);
        List<String> extra = new ArrayList<>(changed);
        first.forEach(extra::remove);
        assertThat(extra).singleElement().asString().contains("\"session_id\":\"late-copy\"");
        assertThat(changed).containsAll(first);
    }

    @Test
    void refusesWhileTheVersionRunsThenStartsItAtTheTimeWithNothingLeftOfTheEarlierRun() throws Exception {
        String version = "v" + ThreadLocalRandom.current().nextInt(1000, 900_000);
        String applicationId = "synapse-access-records-" + version;
        String raw = rawTopic();
        Instant from = Instant.ofEpochMilli(T0 + 24 * HOUR);
        Map<Integer, Long> firstAtOrAfter = new TreeMap<>(Map.of(0, -1L, 1, -1L));
        Set<String> expected = new java.util.HashSet<>();
        try (KafkaProducer<byte[], byte[]> producer = KafkaCluster.producer(Map.of())) {
            sendStamped(producer, raw, synthetic(31L, T0, 40), T0, null, null);
            sendStamped(producer, raw, synthetic(32L, T0 + 24 * HOUR, 40), T0 + 24 * HOUR, firstAtOrAfter, expected);
        }

        try (RunningService service = RunningService.forVersion(
                        stateRoot, version, raw, KafkaCluster.uniqueName("dlq"), Map.of())
                .start()) {
            readRows(service.processed, 80);
            ReplayRun refused = ReplayRun.of(
                    lake,
                    raw,
                    stateRoot,
                    "--to-version",
                    version,
                    "--from",
                    from.toString(),
                    "--execute",
                    "--wait-for-stop",
                    "PT3S");
            assertThat(refused.exitCode()).isEqualTo(1);
            assertThat(refused.err()).contains("still running", applicationId, "Nothing was changed");
        }
        assertThat(internalTopics(applicationId))
                .as("changelogs of the first run")
                .isNotEmpty();
        assertThat(stateRoot.resolve(applicationId)).isDirectory();

        // The stopped app's member stays listed until its session (6 s here) times out; replay waits for it.
        ReplayRun rowsExist = ReplayRun.of(lake, raw, stateRoot, "--to-version", version, "--from", from.toString());
        assertThat(rowsExist.exitCode()).isEqualTo(1);
        assertThat(rowsExist.err()).contains("was written before", "--discard-processed-topic");

        ReplayRun done = ReplayRun.of(
                lake,
                raw,
                stateRoot,
                "--to-version",
                version,
                "--from",
                from.toString(),
                "--discard-processed-topic",
                "--execute");
        assertThat(done.exitCode()).as(done.err()).isZero();
        assertThat(committed(applicationId)).isEqualTo(firstAtOrAfter);
        assertThat(internalTopics(applicationId)).isEmpty();
        assertThat(stateRoot.resolve(applicationId)).doesNotExist();

        try (RunningService again = RunningService.forVersion(
                        stateRoot, version, raw, KafkaCluster.uniqueName("dlq"), Map.of())
                .start()) {
            // Had the dedup store survived, these records would all be dropped as already seen.
            assertThat(readRows(again.processed, expected.size()))
                    .extracting(row -> row.get("session_id").asText())
                    .containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    private List<String> rowsOfVersion(String version, String raw, Map<String, Object> settings, int expected) {
        try (RunningService service = RunningService.forVersion(
                        stateRoot, version, raw, KafkaCluster.uniqueName("dlq"), settings)
                .start()) {
            assertThat(service.processed).isEqualTo("synapse.accessrecords.processed." + version);
            return readRows(service.processed, expected).stream()
                    .map(JsonNode::toString)
                    .sorted()
                    .toList();
        }
    }

    private static List<JsonNode> readRows(String topic, int expected) {
        try (KafkaConsumer<byte[], byte[]> consumer = KafkaCluster.readCommittedConsumer(topic)) {
            List<ConsumerRecord<byte[], byte[]>> rows =
                    KafkaCluster.readUntil(consumer, read -> read.size() >= expected, WAIT, SETTLE);
            assertThat(rows).hasSize(expected);
            return rows.stream().map(ServiceRecords::asEnrichRow).toList();
        }
    }

    /** Sends with the given record timestamp; notes each partition's first offset and the session ids. */
    private static void sendStamped(
            KafkaProducer<byte[], byte[]> producer,
            String topic,
            List<String> lines,
            long timestamp,
            Map<Integer, Long> firstOffsets,
            Set<String> sessionIds)
            throws Exception {
        for (String line : lines) {
            String sessionId = RawRecords.sessionIdOf(line).orElseThrow();
            RecordMetadata sent = producer.send(
                            new ProducerRecord<>(topic, null, timestamp, utf8(sessionId), utf8(line)))
                    .get();
            if (firstOffsets != null && firstOffsets.get(sent.partition()) < 0) {
                firstOffsets.put(sent.partition(), sent.offset());
            }
            if (sessionIds != null) {
                sessionIds.add(sessionId);
            }
        }
    }

    private static String rawTopic() {
        String raw = KafkaCluster.uniqueName("raw");
        // Records carry request times from months ago: only unlimited retention keeps them (as in production).
        KafkaCluster.createTopic(raw, 2, Map.of("retention.ms", "-1"));
        return raw;
    }

    private static List<String> synthetic(long seed, long start, int count) {
        SyntheticTraffic traffic = new SyntheticTraffic(seed, start, 20);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            lines.add(traffic.next());
        }
        return lines;
    }

    private static String record(String sessionId, long timestamp) {
        return RawRecords.example().sessionId(sessionId).timestamp(timestamp).json();
    }

    private static Map<Integer, Long> committed(String group) throws Exception {
        try (Admin admin = admin()) {
            Map<Integer, Long> offsets = new TreeMap<>();
            admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata()
                    .get()
                    .forEach((partition, offset) -> offsets.put(partition.partition(), offset.offset()));
            return offsets;
        }
    }

    private static List<String> internalTopics(String applicationId) throws Exception {
        try (Admin admin = admin()) {
            return admin.listTopics().names().get().stream()
                    .filter(name -> name.startsWith(applicationId + "-"))
                    .toList();
        }
    }

    private static Admin admin() {
        return Admin.create(
                new HashMap<>(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaCluster.bootstrapServers())));
    }
}
