package org.sagebionetworks.accessrecords.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sagebionetworks.accessrecords.service.ServiceRecords.metric;
import static org.sagebionetworks.accessrecords.service.ServiceRecords.text;
import static org.sagebionetworks.accessrecords.service.ServiceRecords.utf8;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sagebionetworks.accessrecords.archive.LoadArchiveCommand;
import org.sagebionetworks.accessrecords.service.RunningService;
import org.sagebionetworks.accessrecords.testing.RawRecords;
import org.sagebionetworks.accessrecords.testing.SyntheticTraffic;
import org.sagebionetworks.accessrecords.testsupport.KafkaCluster;
import picocli.CommandLine;

/**
 * Replaying beyond the raw topic's retention (docs/replay.md): the history goes into the new version's private
 * history topic, which the serving version never reads, so the serving table gains no row; the new version reads
 * the raw and the history topic through one source and holds history and live records once each.
 */
@ExtendWith(KafkaCluster.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class HistoryReplayIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Duration SETTLE = Duration.ofSeconds(3);
    private static final LocalDate YESTERDAY = LocalDate.now(ZoneOffset.UTC).minusDays(1);
    private static final LocalDate HISTORY_DAY = YESTERDAY.minusDays(40);
    private static final int MIN_OVERLAP = 10;

    @TempDir
    static Path s3Dir;

    private static TestS3 lake;

    @TempDir
    Path stateRoot;

    @BeforeAll
    static void startS3() throws Exception {
        lake = TestS3.start(s3Dir);
    }

    @AfterAll
    static void stopS3() throws Exception {
        lake.close();
    }

    @Test
    void historyLoadedForTheNewVersionNeverReachesTheServingTable() throws Exception {
        int base = ThreadLocalRandom.current().nextInt(1000, 900_000);
        String v1 = "v" + base;
        String v2 = "v" + (base + 1);
        String raw = topic("raw", 2, Map.of("retention.ms", "-1", "max.message.bytes", "2000000"));
        String deadLetter = topic("dlq", 1, Map.of("max.message.bytes", "8388608"));
        String history = "synapse.accessrecords.history." + v2;
        List<String> old = synthetic(61L, HISTORY_DAY.atTime(10, 0), 60);
        List<String> live = synthetic(62L, YESTERDAY.atTime(6, 0), 60);
        List<String> later = synthetic(63L, YESTERDAY.atTime(12, 0), 20);
        List<String> all = Stream.of(old, live, later).flatMap(List::stream).toList();

        try (RunningService serving = RunningService.forVersion(stateRoot.resolve(v1), v1, raw, deadLetter, Map.of())
                        .start();
                KafkaProducer<byte[], byte[]> producer = KafkaCluster.producer(Map.of())) {
            Map<Integer, Long> historyEnds = sendStamped(producer, raw, old);
            Map<Integer, Long> firstLive = firstTimestamps(producer, raw, live);
            assertThat(sessionIds(serving.processed, old.size() + live.size())).hasSize(old.size() + live.size());
            deleteRecordsBefore(raw, historyEnds); // what retention does to the old records, long after v1 read them

            ReplayRun replay = ReplayRun.serving(
                    v1,
                    lake,
                    raw,
                    stateRoot.resolve(v2),
                    "--to-version",
                    v2,
                    "--from-earliest",
                    "--history-topic",
                    history,
                    "--execute");
            assertThat(replay.exitCode()).as(replay.err()).isZero();
            assertThat(configOf(history, "max.message.bytes"))
                    .as("as the raw topic's")
                    .isEqualTo("2000000");
            Instant cutover = Instant.parse(printed("--cutover", replay.out()));
            assertThat(cutover)
                    .as("where every raw partition holds its records")
                    .isEqualTo(Instant.ofEpochMilli(firstLive.values().stream()
                            .mapToLong(Long::longValue)
                            .max()
                            .orElseThrow()));
            // A later cutover is safe, v2 drops the overlap: make sure there is one, to see it dropped.
            Instant overlapEnd = Instant.ofEpochMilli(timestampOf(live.get(MIN_OVERLAP - 1)) + 1);
            Instant loadCutover = cutover.isAfter(overlapEnd) ? cutover : overlapEnd;
            long overlap = live.stream()
                    .filter(line -> timestampOf(line) < loadCutover.toEpochMilli())
                    .count();
            loadArchive(printedLoad(replay.out(), loadCutover), deadLetter, old, live);
            assertThat(sessionIds(history, old.size() + (int) overlap))
                    .as("history and the overlap, in v2's own topic")
                    .hasSize(old.size() + (int) overlap);
            sendStamped(producer, raw, later);

            try (RunningService replayed = RunningService.forVersion(
                            stateRoot.resolve(v2),
                            v2,
                            raw,
                            deadLetter,
                            Map.of("access-records.topics.history", history))
                    .start()) {
                assertThat(sessionIds(replayed.processed, all.size()))
                        .as("v2: history and live, each once")
                        .containsExactlyInAnyOrderElementsOf(sessionIdsOf(all));
                assertThat(metric(replayed.get("/prometheus").body(), "access_records_duplicates_dropped_total"))
                        .isEqualTo(overlap);
            }
            assertThat(sessionIds(serving.processed, all.size()))
                    .as("v1: no row of the load")
                    .containsExactlyInAnyOrderElementsOf(sessionIdsOf(all));
            assertThat(metric(serving.get("/prometheus").body(), "access_records_in_total"))
                    .isEqualTo(all.size());
        }
    }

    @Test
    void aVersionWhoseHistoryTopicHasOtherPartitionsThanTheRawTopicDoesNotStart() {
        String version = "v" + ThreadLocalRandom.current().nextInt(1000, 900_000);
        String raw = topic("raw", 2, Map.of());
        String history = topic("history", 3, Map.of());
        RunningService service = RunningService.forVersion(
                stateRoot,
                version,
                raw,
                KafkaCluster.uniqueName("dlq"),
                Map.of("access-records.topics.history", history));

        assertThatThrownBy(service::start)
                .hasStackTraceContaining(
                        "The history topic " + history + " has 3 partitions " + "and the raw topic " + raw + " 2");
        assertThatThrownBy(RunningService.forVersion(
                        stateRoot,
                        version,
                        raw,
                        KafkaCluster.uniqueName("dlq"),
                        Map.of("access-records.topics.history", "missing-" + history))::start)
                .hasStackTraceContaining("The history topic missing-" + history + " (access-records.topics.history, "
                        + "env ACCESS_RECORDS_TOPICS_HISTORY) does not exist");
    }

    @Test
    void replayRefusesAHistoryTopicOfOtherPartitionsAndARawTopicThatKeepsDeleting() {
        String version = "v" + ThreadLocalRandom.current().nextInt(1000, 900_000);
        String raw = topic("raw", 2, Map.of("retention.ms", "604800000"));
        String history = topic("history", 3, Map.of());

        ReplayRun run = ReplayRun.of(
                lake, raw, stateRoot, "--to-version", version, "--from-earliest", "--history-topic", history);

        assertThat(run.exitCode()).as(run.out()).isEqualTo(1);
        assertThat(run.err())
                .contains(
                        "The history topic " + history + " has 3 partitions and the raw topic " + raw + " 2",
                        "deletes records by retention.ms=604800000",
                        "Nothing was changed.");
    }

    /** The archive as Firehose filed it (by arrival day), loaded by the loader as the plan says. */
    private void loadArchive(List<String> printedOptions, String deadLetter, List<String> old, List<String> live) {
        lake.putInArchive(archiveKey(HISTORY_DAY), old);
        lake.putInArchive(archiveKey(YESTERDAY), live);
        List<String> options = new ArrayList<>(printedOptions);
        options.addAll(List.of(
                "--bucket",
                TestS3.ARCHIVE,
                "--prefix",
                "records",
                "--from",
                HISTORY_DAY.toString(),
                "--to",
                YESTERDAY.toString(),
                "--endpoint",
                lake.endpoint(),
                "--region",
                TestS3.REGION,
                "--bootstrap-servers",
                KafkaCluster.bootstrapServers(),
                "--dead-letter-topic",
                deadLetter,
                "--progress-replication-factor",
                "1",
                "--kafka-timeout",
                "PT30S"));
        assertThat(new CommandLine(new LoadArchiveCommand()).execute(options.toArray(String[]::new)))
                .isZero();
    }

    private static String archiveKey(LocalDate day) {
        return String.format(
                "records/year=%d/month=%02d/day=%02d/%s.gz",
                day.getYear(), day.getMonthValue(), day.getDayOfMonth(), day);
    }

    /** The value of an option of the load-archive command the plan prints. */
    private static String printed(String option, String plan) {
        Matcher value = Pattern.compile(option + " (\\S+)").matcher(plan);
        assertThat(value.find()).as(plan).isTrue();
        return value.group(1);
    }

    /** The options of the load-archive command the plan prints, with another cutover. */
    private static List<String> printedLoad(String plan, Instant cutover) {
        Matcher command =
                Pattern.compile("load-archive (.+?) --cutover \\S+ \\(").matcher(plan);
        assertThat(command.find()).as(plan).isTrue();
        List<String> options = new ArrayList<>(List.of(command.group(1).split(" ")));
        options.addAll(List.of("--cutover", cutover.toString()));
        return options;
    }

    /** Reads a topic from its start (read_committed) until {@code expected} records, then a little longer. */
    private static List<String> sessionIds(String topic, int expected) {
        try (KafkaConsumer<byte[], byte[]> consumer = KafkaCluster.readCommittedConsumer(topic)) {
            return KafkaCluster.readUntil(consumer, read -> read.size() >= expected, WAIT, SETTLE).stream()
                    .map(record -> text(record.key()))
                    .toList();
        }
    }

    private static long timestampOf(String line) {
        try {
            return JSON.readTree(line).path("payload").path("timestamp").asLong();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> sessionIdsOf(List<String> lines) {
        return lines.stream()
                .map(line -> RawRecords.sessionIdOf(line).orElseThrow())
                .toList();
    }

    /** Sends as Synapse's publisher does (key sessionId, timestamp the request's); returns each partition's end. */
    private static Map<Integer, Long> sendStamped(
            KafkaProducer<byte[], byte[]> producer, String topic, List<String> lines) throws Exception {
        Map<Integer, Long> ends = new HashMap<>();
        for (RecordMetadata sent : send(producer, topic, lines)) {
            ends.merge(sent.partition(), sent.offset() + 1, Math::max);
        }
        return ends;
    }

    /** The same, returning the timestamp of each partition's first record sent. */
    private static Map<Integer, Long> firstTimestamps(
            KafkaProducer<byte[], byte[]> producer, String topic, List<String> lines) throws Exception {
        Map<Integer, Long> first = new HashMap<>();
        for (RecordMetadata sent : send(producer, topic, lines)) {
            first.putIfAbsent(sent.partition(), sent.timestamp());
        }
        return first;
    }

    private static List<RecordMetadata> send(KafkaProducer<byte[], byte[]> producer, String topic, List<String> lines)
            throws Exception {
        List<RecordMetadata> sent = new ArrayList<>();
        for (String line : lines) {
            sent.add(producer.send(new ProducerRecord<>(
                            topic,
                            null,
                            timestampOf(line),
                            utf8(RawRecords.sessionIdOf(line).orElseThrow()),
                            utf8(line)))
                    .get());
        }
        return sent;
    }

    private static String configOf(String topic, String name) throws Exception {
        try (Admin admin = admin()) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            return admin.describeConfigs(List.of(resource))
                    .all()
                    .get(30, TimeUnit.SECONDS)
                    .get(resource)
                    .get(name)
                    .value();
        }
    }

    private static void deleteRecordsBefore(String topic, Map<Integer, Long> offsets) throws Exception {
        try (Admin admin = admin()) {
            admin.deleteRecords(offsets.entrySet().stream()
                            .collect(Collectors.toMap(
                                    e -> new TopicPartition(topic, e.getKey()),
                                    e -> RecordsToDelete.beforeOffset(e.getValue()))))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        }
    }

    private static Admin admin() {
        return Admin.create(
                new HashMap<>(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaCluster.bootstrapServers())));
    }

    private static String topic(String prefix, int partitions, Map<String, String> config) {
        String name = KafkaCluster.uniqueName(prefix);
        KafkaCluster.createTopic(name, partitions, config);
        return name;
    }

    private static List<String> synthetic(long seed, LocalDateTime start, int count) {
        SyntheticTraffic traffic =
                new SyntheticTraffic(seed, start.toInstant(ZoneOffset.UTC).toEpochMilli(), 1_000);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            lines.add(traffic.next());
        }
        return lines;
    }
}
