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
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.sagebionetworks.accessrecords.testing.SyntheticTraffic;
import org.sagebionetworks.accessrecords.testsupport.KafkaCluster;
import org.sagebionetworks.accessrecords.testsupport.S3ProxyServer;

/**
 * Throughput of {@code load-archive} in two jars side by side: a real KRaft broker and s3proxy (filesystem-backed) in
 * this JVM, a Firehose-like archive of gzip NDJSON objects uploaded once, then each jar run as its own process,
 * baseline and candidate alternately, each run into a fresh raw topic with a fresh progress topic (so it loads
 * everything). A run lasts from the process start to its exit; the loader's own summary gives its rate without JVM
 * start. RSS of the loader is read from /proc every 200 ms, its heap from its GC log after the run. Not a test: run
 * by hand, see BENCHMARKS.md.
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar
 * org.sagebionetworks.accessrecords.benchmarks.ArchiveLoaderThroughputHarness baseline.jar candidate.jar
 * [objects=10] [recordsPerObject=100000] [rounds=2] [partitions=6] [warmUpRounds=1]}; {@code LOADER_OPTS} adds load-archive options,
 * e.g. {@code --transaction-records 50000}, {@code LOADER_JAVA_OPTS} JVM options (e.g. a JFR recording);
 * {@code LOADER_LOG_LEVEL} sets the loader's log level (default WARN).
 */
public final class ArchiveLoaderThroughputHarness {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String BUCKET = "archive";
    private static final String PREFIX = "accessRecord/records";

    private static final long RSS_SAMPLE_MILLIS = 200;

    private final S3ProxyServer s3;
    private final String dlq;
    private final int partitions;
    private final long records;
    private final long gzipBytes;

    private ArchiveLoaderThroughputHarness(S3ProxyServer s3, String dlq, int partitions, long records, long gzipBytes) {
        this.s3 = s3;
        this.dlq = dlq;
        this.partitions = partitions;
        this.records = records;
        this.gzipBytes = gzipBytes;
    }

    public static void main(String[] args) {
        HarnessMain.run(args, ArchiveLoaderThroughputHarness::measure);
    }

    private static void measure(String[] args) throws Exception {
        SideBySide jars = SideBySide.fromArguments(args);
        int objects = HarnessMain.intArgument(args, 2, 10);
        int perObject = HarnessMain.intArgument(args, 3, 100_000);
        int rounds = HarnessMain.intArgument(args, 4, 2);
        int partitions = HarnessMain.intArgument(args, 5, 6);
        int warmUpRounds = HarnessMain.intArgument(args, 6, 1);
        KafkaCluster.startForThisJvm();
        Path dir = Files.createTempDirectory("archive-bench");
        try (S3ProxyServer s3 = S3ProxyServer.start(dir)) {
            s3.createBucket(BUCKET);
            long gzipBytes = upload(s3, objects, perObject);
            String dlq = KafkaCluster.uniqueName("dlq");
            KafkaCluster.createTopic(dlq, partitions, Map.of());
            ArchiveLoaderThroughputHarness harness =
                    new ArchiveLoaderThroughputHarness(s3, dlq, partitions, (long) objects * perObject, gzipBytes);
            jars.printTable(jars.alternate(warmUpRounds, rounds, harness::run));
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

    private RunFigures run(SideBySide.Jar jar) throws Exception {
        String raw = KafkaCluster.uniqueName("raw");
        KafkaCluster.createTopic(raw, partitions, Map.of("retention.ms", "-1"));
        Path stdout = Files.createTempFile("loader-" + jar.label(), ".json");
        GcLogHeap heap = GcLogHeap.inTempFile();
        ProcessBuilder builder = new ProcessBuilder(JavaCommand.of(
                        "512m", heap, JavaCommand.options("LOADER_JAVA_OPTS"), jar.path(), loaderArguments(raw)))
                .redirectOutput(stdout.toFile())
                .redirectError(
                        Files.createTempFile("loader-" + jar.label(), ".log").toFile());
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
        ProcessMemory memory = new ProcessMemory(process.pid());
        do {
            memory.sample();
        } while (!process.waitFor(RSS_SAMPLE_MILLIS, TimeUnit.MILLISECONDS));
        double seconds = (System.nanoTime() - start) / 1e9;
        if (process.exitValue() != 0) {
            throw new IllegalStateException("the " + jar.label() + " loader exited with " + process.exitValue());
        }
        JsonNode summary = summary(stdout);
        return new RunFigures()
                .with("process seconds", seconds)
                .with("records/s whole run", records / seconds)
                .with("loader seconds", summary.get("seconds").asDouble())
                .with("of which start-up", summary.get("startup_seconds").asDouble())
                .with("records/s loading", records / loadingSeconds(summary))
                .with("MB/s gzip loading", gzipBytes / 1e6 / loadingSeconds(summary))
                .with("peak RSS MiB", memory.peakMiB())
                .with("peak heap MiB (GC log)", heap.peakBeforeGcMiB());
    }

    /** The loader's time after its start-up (topic checks, the transactional producer, progress, listing). */
    private static double loadingSeconds(JsonNode summary) {
        return summary.get("seconds").asDouble()
                - summary.get("startup_seconds").asDouble();
    }

    /** The summary is the last line; JVM options such as a JFR recording may print before it. */
    private static JsonNode summary(Path stdout) throws IOException {
        List<String> lines = Files.readAllLines(stdout);
        return JSON.readTree(lines.get(lines.size() - 1)).get("summary");
    }

    private List<String> loaderArguments(String raw) {
        List<String> arguments = new ArrayList<>(List.of(
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
        arguments.addAll(JavaCommand.options("LOADER_OPTS"));
        return arguments;
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
