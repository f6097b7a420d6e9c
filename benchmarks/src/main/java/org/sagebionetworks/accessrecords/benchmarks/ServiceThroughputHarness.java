package org.sagebionetworks.accessrecords.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.sagebionetworks.accessrecords.testing.SyntheticTraffic;
import org.sagebionetworks.accessrecords.testsupport.KafkaCluster;

/**
 * End-to-end throughput of two enricher-service jars side by side: a real KRaft broker in this JVM, N synthetic raw
 * records loaded once, then each jar started as its own process (exactly-once and dedup on, as in production),
 * baseline and candidate alternately, with a fresh application id and processed topic per run. A run lasts from the
 * service's start until its consumer group has committed the raw topic's end offsets (lag drained). Memory is read
 * without touching the service: RSS from /proc every 500 ms (peak, and the last reading at the drain) and the heap
 * from its GC log after the run, and the size of its state dir at the drain. After each run, the processed topic's
 * size on the broker divided by its records. Not a test: run by hand, see BENCHMARKS.md.
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar
 * org.sagebionetworks.accessrecords.benchmarks.ServiceThroughputHarness baseline.jar candidate.jar
 * [records=1000000] [rounds=2] [partitions=6] [warmUpRounds=1] [spanHours]}; {@code spanHours} spreads the records'
 * event times evenly over that many hours (24 puts one default dedup horizon of keys in the stores; without it they
 * are about 20 ms apart). {@code SERVICE_JAVA_OPTS} adds JVM options to both services and {@code CANDIDATE_JAVA_OPTS}
 * to the candidate's only, after them: the same jar twice with e.g. {@code -Dkafka.streams.commit.interval.ms=1000}
 * or {@code -Daccess-records.stream-threads=2} as the candidate's compares one setting against its absence.
 */
public final class ServiceThroughputHarness {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long POLL_MILLIS = 500;
    private static final long START_MILLIS = 1_700_000_000_000L;
    private static final long DEFAULT_GAP_MILLIS = 20L;

    private final String raw;
    private final int records;
    private final int partitions;

    private ServiceThroughputHarness(String raw, int records, int partitions) {
        this.raw = raw;
        this.records = records;
        this.partitions = partitions;
    }

    public static void main(String[] args) {
        HarnessMain.run(args, ServiceThroughputHarness::measure);
    }

    private static void measure(String[] args) throws Exception {
        SideBySide jars = SideBySide.fromArguments(args);
        int records = HarnessMain.intArgument(args, 2, 1_000_000);
        int rounds = HarnessMain.intArgument(args, 3, 2);
        int partitions = HarnessMain.intArgument(args, 4, 6);
        int warmUpRounds = HarnessMain.intArgument(args, 5, 1);
        int spanHours = HarnessMain.intArgument(args, 6, 0);
        printJvmOptions();
        KafkaCluster.startForThisJvm();
        String raw = KafkaCluster.uniqueName("raw");
        KafkaCluster.createTopic(raw, partitions, Map.of());
        load(raw, records, eventTimes(records, spanHours));
        ServiceThroughputHarness harness = new ServiceThroughputHarness(raw, records, partitions);
        jars.printTable(jars.alternate(warmUpRounds, rounds, harness::run));
    }

    private static void printJvmOptions() {
        for (String side : List.of(SideBySide.BASELINE, SideBySide.CANDIDATE)) {
            System.out.printf("%s JVM options: %s%n", side, jvmOptions(side));
        }
    }

    /** The options of both sides, then the candidate's own: the later of two equal settings wins. */
    private static List<String> jvmOptions(String side) {
        List<String> options = new ArrayList<>(JavaCommand.options("SERVICE_JAVA_OPTS"));
        if (side.equals(SideBySide.CANDIDATE)) {
            options.addAll(JavaCommand.options("CANDIDATE_JAVA_OPTS"));
        }
        return options;
    }

    /** Record i's line: today's traffic about 20 ms apart, or spread evenly over the span when one is given. */
    private static IntFunction<String> eventTimes(int records, int spanHours) {
        SyntheticTraffic traffic = new SyntheticTraffic(7L, START_MILLIS, DEFAULT_GAP_MILLIS);
        if (spanHours <= 0) {
            System.out.printf("event times: about %d ms apart%n", DEFAULT_GAP_MILLIS);
            return i -> traffic.next();
        }
        EventTimeSpread spread = new EventTimeSpread(START_MILLIS, Duration.ofHours(spanHours), records);
        System.out.printf(
                "event times: %,d records over %d h, %.3f ms apart%n", records, spanHours, spread.stepMillis());
        return i -> traffic.at(spread.millisAt(i));
    }

    private static void load(String topic, int records, IntFunction<String> lines) throws Exception {
        long start = System.nanoTime();
        try (KafkaProducer<byte[], byte[]> producer = KafkaCluster.producer(Map.of(
                ProducerConfig.LINGER_MS_CONFIG,
                20,
                ProducerConfig.BATCH_SIZE_CONFIG,
                262_144,
                ProducerConfig.COMPRESSION_TYPE_CONFIG,
                "lz4"))) {
            for (int i = 0; i < records; i++) {
                String line = lines.apply(i);
                String sessionId =
                        JSON.readTree(line).get("payload").get("sessionId").asText();
                producer.send(new ProducerRecord<>(
                        topic, sessionId.getBytes(StandardCharsets.UTF_8), line.getBytes(StandardCharsets.UTF_8)));
            }
            producer.flush();
        }
        System.out.printf("loaded %,d raw records in %.1f s%n", records, (System.nanoTime() - start) / 1e9);
    }

    private RunFigures run(SideBySide.Jar jar) throws Exception {
        String applicationId = KafkaCluster.uniqueName("bench");
        String processed = KafkaCluster.uniqueName("processed");
        GcLogHeap heap = GcLogHeap.inTempFile();
        Path stateDir = Files.createTempDirectory("bench-state");
        ProcessBuilder service = serviceProcess(jar, applicationId, processed, heap, stateDir);
        long start = System.nanoTime();
        Process process = service.start();
        ProcessMemory memory = new ProcessMemory(process.pid());
        double seconds;
        double stateDirMiB;
        try {
            awaitDrained(process, applicationId, memory);
            seconds = (System.nanoTime() - start) / 1e9;
            stateDirMiB = DirectorySize.mebibytes(stateDir);
        } finally {
            process.destroy();
            process.waitFor(60, TimeUnit.SECONDS);
        }
        TopicFootprint.Contents output = TopicFootprint.committedRecords(processed, partitions);
        long processedBytes = TopicFootprint.bytesOnBroker(processed, partitions);
        long recordsOrOne = Math.max(1, output.records());
        return new RunFigures()
                .with("seconds", seconds)
                .with("records/s", records / seconds)
                .with("peak RSS MiB", memory.peakMiB())
                .with("RSS at drain MiB", memory.lastMiB())
                .with("peak heap MiB (GC log)", heap.peakBeforeGcMiB())
                .with("max heap after GC MiB", heap.maxAfterGcMiB())
                .with("state dir MiB", stateDirMiB)
                .with("processed records", output.records())
                .with("value bytes/record", output.valueBytes() / (double) recordsOrOne)
                .with("bytes/record on broker", processedBytes / (double) recordsOrOne);
    }

    private ProcessBuilder serviceProcess(
            SideBySide.Jar jar, String applicationId, String processed, GcLogHeap heap, Path stateDir)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(
                        JavaCommand.of("1g", heap, jvmOptions(jar.label()), jar.path(), List.of()))
                .redirectErrorStream(true)
                .redirectOutput(Files.createTempFile("bench-service-" + jar.label(), ".log")
                        .toFile());
        builder.environment()
                .putAll(Map.of(
                        "KAFKA_BOOTSTRAP_SERVERS",
                        KafkaCluster.bootstrapServers(),
                        "ACCESS_RECORDS_APPLICATION_ID",
                        applicationId,
                        "ACCESS_RECORDS_TOPICS_RAW",
                        raw,
                        "ACCESS_RECORDS_TOPICS_PROCESSED",
                        processed,
                        "ACCESS_RECORDS_TOPICS_DEAD_LETTER",
                        KafkaCluster.uniqueName("dlq"),
                        "ACCESS_RECORDS_TOPICS_PARTITIONS",
                        String.valueOf(partitions),
                        "ACCESS_RECORDS_TOPICS_REPLICATION_FACTOR",
                        "1",
                        "ACCESS_RECORDS_STATE_DIR",
                        stateDir.toString(),
                        "MICRONAUT_SERVER_PORT",
                        String.valueOf(freePort()),
                        "LOG_LEVEL",
                        "WARN"));
        return builder;
    }

    /** Polls the group's committed offsets, sampling RSS between polls, until they reach the raw topic's end. */
    private void awaitDrained(Process process, String applicationId, ProcessMemory memory) throws Exception {
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaCluster.bootstrapServers()))) {
            Map<TopicPartition, Long> ends = endOffsets(admin);
            while (!drained(admin, applicationId, ends)) {
                memory.sample();
                if (process.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                    throw new IllegalStateException("the service exited with " + process.exitValue());
                }
            }
            memory.sample();
        }
    }

    private Map<TopicPartition, Long> endOffsets(Admin admin) throws Exception {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        for (int p = 0; p < partitions; p++) {
            request.put(new TopicPartition(raw, p), OffsetSpec.latest());
        }
        return admin.listOffsets(request).all().get().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    private static boolean drained(Admin admin, String group, Map<TopicPartition, Long> ends) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata()
                .get();
        return ends.entrySet().stream()
                .allMatch(end -> committed.get(end.getKey()) != null
                        && committed.get(end.getKey()).offset() >= end.getValue());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
