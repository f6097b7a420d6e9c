package org.sagebionetworks.accessrecords.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.sagebionetworks.accessrecords.testing.SyntheticTraffic;
import org.sagebionetworks.accessrecords.testsupport.KafkaCluster;
import org.sagebionetworks.accessrecords.testsupport.S3ProxyServer;

/**
 * Throughput of {@code load-archive}: a real KRaft broker and s3proxy (filesystem-backed) in this JVM, a Firehose-like
 * archive of gzip NDJSON objects uploaded once, then the packaged jar run as its own process per run, each run
 * into a fresh raw topic with a fresh progress topic (so it loads everything). A run lasts from the process start to
 * its exit; the loader's own summary gives its rate without JVM start. RSS of the loader is sampled every 200 ms.
 * Not a test: run by hand, see BENCHMARKS.md.
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar
 * org.sagebionetworks.accessrecords.benchmarks.ArchiveLoaderThroughputHarness enricher-service/target/enricher-service.jar
 * [objects=10] [recordsPerObject=100000] [runs=3] [partitions=6]}; {@code LOADER_OPTS} adds load-archive options,
 * e.g. {@code --transaction-records 50000}, {@code LOADER_JAVA_OPTS} JVM options (e.g. a JFR recording);
 * {@code LOADER_LOG_LEVEL} sets the loader's log level (default WARN).
 */
public final class ArchiveLoaderThroughputHarness {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String BUCKET = "archive";
    private static final String PREFIX = "accessRecord/records";

    private ArchiveLoaderThroughputHarness() {}

    public static void main(String[] args) {
        try {
            measure(args);
            System.exit(0);
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1); // the broker's threads would keep the JVM alive
        }
    }

    private static void measure(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        int objects = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int perObject = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        int partitions = args.length > 4 ? Integer.parseInt(args[4]) : 6;
        KafkaCluster.startForThisJvm();
        Path dir = Files.createTempDirectory("archive-bench");
        try (S3ProxyServer s3 = S3ProxyServer.start(dir)) {
            s3.createBucket(BUCKET);
            long gzipBytes = upload(s3, objects, perObject);
            String dlq = KafkaCluster.uniqueName("dlq");
            KafkaCluster.createTopic(dlq, partitions, Map.of());
            List<Double> rates = new ArrayList<>();
            for (int run = 1; run <= runs; run++) {
                String raw = KafkaCluster.uniqueName("raw");
                KafkaCluster.createTopic(raw, partitions, Map.of("retention.ms", "-1"));
                Run result = run(jar, s3, raw, dlq);
                rates.add(result.summary.get("records_per_second").asDouble());
                System.out.printf(
                        "run %d: %s%n  process %.1f s (with JVM start) = %,.0f records/s, %.1f MB/s gzip; "
                                + "max RSS %,d MiB%n",
                        run,
                        result.summary,
                        result.seconds,
                        objects * (double) perObject / result.seconds,
                        gzipBytes / 1e6 / result.seconds,
                        result.maxRssKb >> 10);
            }
            Collections.sort(rates);
            System.out.printf(
                    "median loader rate of %d runs: %,.0f records/s (min %,.0f, max %,.0f)%n",
                    runs, rates.get(rates.size() / 2), rates.get(0), rates.get(rates.size() - 1));
        }
    }

    /** Objects spread over two arrival days, each a gzip NDJSON file as Firehose writes them. */
    private static long upload(S3ProxyServer s3, int objects, int perObject) throws Exception {
        long start = System.nanoTime();
        // Request times spread over 1.9 days from 2023-11-15, so nearly every record is inside the loaded range.
        long meanGapMillis = 86_400_000L * 19 / 10 / ((long) objects * perObject);
        SyntheticTraffic traffic = new SyntheticTraffic(61L, 1_700_006_400_000L, meanGapMillis);
        long total = 0;
        for (int i = 0; i < objects; i++) {
            byte[] gzip = gzippedLines(traffic, perObject);
            total += gzip.length;
            String key =
                    String.format("%s/year=2023/month=11/day=%02d/firehose-%04d.gz", PREFIX, 15 + i * 2 / objects, i);
            URI uri = URI.create(s3.endpoint() + "/" + BUCKET + "/" + key);
            HttpResponse<String> put = HTTP.send(
                    HttpRequest.newBuilder(uri)
                            .PUT(HttpRequest.BodyPublishers.ofByteArray(gzip))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (put.statusCode() != 200) {
                throw new IllegalStateException("upload of " + key + " failed: " + put.statusCode() + " " + put.body());
            }
        }
        System.out.printf(
                "uploaded %d objects, %,d records, %.1f MB gzip in %.1f s%n",
                objects, (long) objects * perObject, total / 1e6, (System.nanoTime() - start) / 1e9);
        return total;
    }

    private record Run(double seconds, JsonNode summary, long maxRssKb) {}

    private static Run run(Path jar, S3ProxyServer s3, String raw, String dlq) throws Exception {
        Path stdout = Files.createTempFile("loader", ".json");
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m"));
        command.addAll(options("LOADER_JAVA_OPTS"));
        command.addAll(List.of(
                "-jar",
                jar.toString(),
                "load-archive",
                "--bucket",
                BUCKET,
                "--prefix",
                PREFIX,
                "--from",
                "2023-11-15",
                "--to",
                "2023-11-16",
                "--endpoint",
                s3.endpoint().toString(),
                "--bootstrap-servers",
                KafkaCluster.bootstrapServers(),
                "--raw-topic",
                raw,
                "--dead-letter-topic",
                dlq,
                "--progress-topic",
                KafkaCluster.uniqueName("progress"),
                "--progress-replication-factor",
                "1"));
        command.addAll(options("LOADER_OPTS"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(stdout.toFile())
                .redirectError(Files.createTempFile("loader", ".log").toFile());
        builder.environment()
                .putAll(Map.of(
                        "AWS_ACCESS_KEY_ID",
                        "local",
                        "AWS_SECRET_ACCESS_KEY",
                        "local",
                        "LOG_LEVEL",
                        System.getenv().getOrDefault("LOADER_LOG_LEVEL", "WARN")));
        long start = System.nanoTime();
        Process process = builder.start();
        long maxRss = 0;
        while (process.isAlive()) {
            maxRss = Math.max(maxRss, ProcessMemory.rssKb(process.pid()));
            Thread.sleep(200);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (process.exitValue() != 0) {
            throw new IllegalStateException("the loader exited with " + process.exitValue());
        }
        // The summary is the last line; JVM options such as a JFR recording may print before it.
        List<String> lines = Files.readAllLines(stdout);
        return new Run(seconds, JSON.readTree(lines.get(lines.size() - 1)).get("summary"), maxRss);
    }

    /** Space-separated options from an environment variable, none when it is unset. */
    private static List<String> options(String variable) {
        return List.of(System.getenv().getOrDefault(variable, "").split(" ")).stream()
                .filter(option -> !option.isBlank())
                .toList();
    }

    /** One object's bytes: {@code lines} lines of the traffic, gzip-compressed as they are made. */
    private static byte[] gzippedLines(SyntheticTraffic traffic, int lines) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes, 1 << 16)) {
            for (int n = 0; n < lines; n++) {
                out.write(traffic.next().getBytes(StandardCharsets.UTF_8));
                out.write('\n');
            }
        }
        return bytes.toByteArray();
    }
}
