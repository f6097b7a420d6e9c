package org.sagebionetworks.accessrecords.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
 * End-to-end throughput of the enricher service: a real KRaft broker in this JVM, N synthetic raw records
 * loaded first, then the packaged service jar started as its own process (exactly-once and dedup on, as in
 * production) with a fresh application id per run. A run lasts from the service's start until its consumer
 * group has committed the raw topic's end offsets (lag drained). Heap (from /prometheus) and RSS (from /proc)
 * of the service process are sampled every 500 ms. Not a test: run by hand, see BENCHMARKS.md.
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar
 * org.sagebionetworks.accessrecords.benchmarks.ServiceThroughputHarness enricher-service/target/enricher-service.jar
 * [records=1000000] [runs=3] [partitions=6]}; {@code SERVICE_JAVA_OPTS} adds JVM options to the service, e.g.
 * {@code -Dkafka.streams.commit.interval.ms=1000} to try a Kafka Streams setting.
 */
public final class ServiceThroughputHarness {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private ServiceThroughputHarness() {}

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        int records = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        int partitions = args.length > 3 ? Integer.parseInt(args[3]) : 6;
        KafkaCluster.startForThisJvm();
        String raw = KafkaCluster.uniqueName("raw");
        KafkaCluster.createTopic(raw, partitions, Map.of());
        load(raw, records);
        List<Double> rates = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            Result result = run(jar, raw, partitions);
            double rate = records / (result.millis / 1000.0);
            rates.add(rate);
            System.out.printf(
                    "run %d: %,d records in %.1f s = %,.0f records/s; service max heap %,d MiB, max RSS %,d MiB%n",
                    run, records, result.millis / 1000.0, rate, result.maxHeapBytes >> 20, result.maxRssKb >> 10);
        }
        Collections.sort(rates);
        System.out.printf(
                "median of %d runs: %,.0f records/s (min %,.0f, max %,.0f)%n",
                runs, rates.get(rates.size() / 2), rates.get(0), rates.get(rates.size() - 1));
        System.exit(0);
    }

    private static void load(String topic, int records) throws Exception {
        long start = System.nanoTime();
        SyntheticTraffic traffic = new SyntheticTraffic(7L, 1_700_000_000_000L, 20L);
        try (KafkaProducer<byte[], byte[]> producer = KafkaCluster.producer(Map.of(
                ProducerConfig.LINGER_MS_CONFIG,
                20,
                ProducerConfig.BATCH_SIZE_CONFIG,
                262_144,
                ProducerConfig.COMPRESSION_TYPE_CONFIG,
                "lz4"))) {
            for (int i = 0; i < records; i++) {
                String line = traffic.next();
                String sessionId =
                        JSON.readTree(line).get("payload").get("sessionId").asText();
                producer.send(new ProducerRecord<>(
                        topic, sessionId.getBytes(StandardCharsets.UTF_8), line.getBytes(StandardCharsets.UTF_8)));
            }
            producer.flush();
        }
        System.out.printf("loaded %,d raw records in %.1f s%n", records, (System.nanoTime() - start) / 1e9);
    }

    private record Result(long millis, long maxHeapBytes, long maxRssKb) {}

    private static Result run(Path jar, String raw, int partitions) throws Exception {
        String applicationId = KafkaCluster.uniqueName("bench");
        int port = freePort();
        Path state = Files.createTempDirectory("bench-state");
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g"));
        command.addAll(
                List.of(System.getenv().getOrDefault("SERVICE_JAVA_OPTS", "").split(" ")).stream()
                        .filter(option -> !option.isBlank())
                        .toList());
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(Files.createTempFile("bench-service", ".log").toFile());
        builder.environment()
                .putAll(Map.of(
                        "KAFKA_BOOTSTRAP_SERVERS", KafkaCluster.bootstrapServers(),
                        "ACCESS_RECORDS_APPLICATION_ID", applicationId,
                        "ACCESS_RECORDS_TOPICS_RAW", raw,
                        "ACCESS_RECORDS_TOPICS_PROCESSED", KafkaCluster.uniqueName("processed"),
                        "ACCESS_RECORDS_TOPICS_DEAD_LETTER", KafkaCluster.uniqueName("dlq"),
                        "ACCESS_RECORDS_TOPICS_PARTITIONS", String.valueOf(partitions),
                        "ACCESS_RECORDS_TOPICS_REPLICATION_FACTOR", "1",
                        "ACCESS_RECORDS_STATE_DIR", state.toString(),
                        "MICRONAUT_SERVER_PORT", String.valueOf(port),
                        "LOG_LEVEL", "WARN"));
        long start = System.nanoTime();
        Process process = builder.start();
        long maxHeap = 0;
        long maxRss = 0;
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaCluster.bootstrapServers()))) {
            Map<TopicPartition, Long> ends = endOffsets(admin, raw, partitions);
            while (!drained(admin, applicationId, ends)) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the service exited with " + process.exitValue());
                }
                maxHeap = Math.max(maxHeap, heapBytes(port));
                maxRss = Math.max(maxRss, ProcessMemory.rssKb(process.pid()));
                Thread.sleep(500);
            }
            return new Result((System.nanoTime() - start) / 1_000_000, maxHeap, maxRss);
        } finally {
            process.destroy();
            process.waitFor(60, TimeUnit.SECONDS);
        }
    }

    private static Map<TopicPartition, Long> endOffsets(Admin admin, String topic, int partitions) throws Exception {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        for (int p = 0; p < partitions; p++) {
            request.put(new TopicPartition(topic, p), OffsetSpec.latest());
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

    private static long heapBytes(int port) {
        try {
            String body = HTTP.send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/prometheus"))
                                    .timeout(Duration.ofSeconds(2))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            return (long) body.lines()
                    .filter(l -> l.startsWith("jvm_memory_used_bytes{area=\"heap\""))
                    .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                    .sum();
        } catch (IOException | InterruptedException | RuntimeException e) {
            return 0;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
