package org.sagebionetworks.accessrecords.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.zip.GZIPOutputStream;
import org.sagebionetworks.accessrecords.archive.ArchiveLoader;
import org.sagebionetworks.accessrecords.archive.ArchiveLocation;
import org.sagebionetworks.accessrecords.archive.FollowSettings;
import org.sagebionetworks.accessrecords.archive.FollowStop;
import org.sagebionetworks.accessrecords.archive.LoadRange;
import org.sagebionetworks.accessrecords.archive.LoadSettings;
import org.sagebionetworks.accessrecords.archive.LoadTopics;
import org.sagebionetworks.accessrecords.connect.Layout;
import org.sagebionetworks.accessrecords.kafka.KafkaClientSettings;
import org.sagebionetworks.accessrecords.local.LocalStack;
import org.sagebionetworks.accessrecords.local.SinkSpec;
import org.sagebionetworks.accessrecords.local.StackSettings;
import org.sagebionetworks.accessrecords.queries.LocalTable;
import org.sagebionetworks.accessrecords.queries.ParquetFolder;
import org.sagebionetworks.accessrecords.schema.SharedNames;
import org.sagebionetworks.accessrecords.service.metrics.PipelineMetrics;
import org.sagebionetworks.accessrecords.testing.SyntheticTraffic;

/**
 * Landing to queryable in follow mode, on the local stack (broker, enricher-service, Connect with the stand-in sink,
 * s3proxy, all in this JVM): {@code load-archive --follow} watches the stack's input bucket; each round lands one
 * Firehose object (moved atomically into s3proxy's folder of the bucket, which serves its files as objects) of fresh records into today's arrival folder and times when the enricher has emitted its rows and
 * when DuckDB counts them in the table. The sink writes a file per row (flush.size 1), so the table figure leaves
 * out the wait for a file to rotate, which production adds (rotate.interval.ms of record time). Run by hand:
 * {@code java -cp local-stack/target/local-stack.jar:benchmarks/target/classes ...FollowLatencyHarness ROUNDS
 * RECORDS POLL}, e.g. {@code 10 100 PT1S}.
 */
public final class FollowLatencyHarness {

    private static final String BUCKET = "input";
    private static final String PREFIX = "accessRecord/records";
    private static final Duration PATIENCE = Duration.ofMinutes(3);

    private FollowLatencyHarness() {}

    public static void main(String[] args) throws Exception {
        int rounds = Integer.parseInt(args[0]);
        int records = Integer.parseInt(args[1]);
        Duration poll = Duration.parse(args[2]);
        Path dataDir = Files.createTempDirectory("follow-latency");
        StackSettings settings = new StackSettings(dataDir, freePort(), freePort(), freePort());
        SinkSpec sink = SinkSpec.version(Layout.RECORD_DATE, StackSettings.VERSION.topicsDir(), 1);
        try (LocalStack stack = LocalStack.start(settings)) {
            stack.addSink(sink);
            ArchiveLoader loader = new ArchiveLoader(loadSettings(stack), null);
            String refusal = loader.refusal();
            if (refusal != null) {
                throw new IllegalStateException(refusal);
            }
            FollowStop stop = new FollowStop();
            Thread follower = new Thread(() -> follow(loader, poll, stop), "follower");
            follower.start();
            measure(stack, settings.tableDir(sink), dataDir, rounds, records);
            stop.request();
            follower.join(PATIENCE.toMillis());
        }
    }

    private static void measure(LocalStack stack, Path tableDir, Path dataDir, int rounds, int records)
            throws Exception {
        System.out.println("round,records,to_enricher_output_ms,to_queryable_ms");
        Path bucket = dataDir.resolve("s3").resolve(BUCKET);
        for (int round = 1; round <= rounds; round++) {
            long before = stack.enricherCount(PipelineMetrics.PREFIX + "out");
            long rowsBefore = rows(tableDir);
            Path object = Files.write(dataDir.resolve("round-" + round + ".gz"), gzip(fresh(round, records)));
            Path key = bucket.resolve(
                    LoadRange.arrivalFolder(PREFIX, LocalDate.now(ZoneOffset.UTC)) + "round-" + round + ".gz");
            Files.createDirectories(key.getParent());
            long landed = System.nanoTime();
            Files.move(object, key, StandardCopyOption.ATOMIC_MOVE);
            long emitted = await(() -> stack.enricherCount(PipelineMetrics.PREFIX + "out") - before, records);
            long queryable = await(() -> rows(tableDir) - rowsBefore, records);
            System.out.printf(
                    "%d,%d,%d,%d%n", round, records, (emitted - landed) / 1_000_000, (queryable - landed) / 1_000_000);
        }
    }

    /** Records of now: the service emits them as on time, not late. */
    private static String fresh(long seed, int records) {
        SyntheticTraffic traffic = new SyntheticTraffic(seed, System.currentTimeMillis(), 5);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < records; i++) {
            lines.add(traffic.next());
        }
        return String.join("\n", lines) + "\n";
    }

    private static void follow(ArchiveLoader loader, Duration poll, FollowStop stop) {
        try {
            loader.follow(new FollowSettings(poll, FollowSettings.DEFAULT_LOOKBACK_DAYS), stop);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static LoadSettings loadSettings(LocalStack stack) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return new LoadSettings(
                new ArchiveLocation(BUCKET, PREFIX, "us-east-1", stack.s3Endpoint()),
                new LoadRange(today, null, null, null),
                KafkaClientSettings.of(stack.bootstrapServers(), false),
                Duration.ofSeconds(30),
                new LoadTopics(
                        stack.enricherTopics().raw(),
                        stack.enricherTopics().deadLetter(),
                        SharedNames.ARCHIVE_LOADER_PROGRESS_TOPIC,
                        null),
                null,
                stack.enricherPipeline().maxRecordBytes(),
                LoadSettings.DEFAULT_TRANSACTION_RECORDS,
                0,
                Duration.ofSeconds(30),
                false);
    }

    private static long await(LongSupplier count, long target) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (count.getAsLong() < target) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not there within " + PATIENCE);
            }
            Thread.sleep(20);
        }
        return System.nanoTime();
    }

    private static long rows(Path tableDir) {
        if (ParquetFolder.list(tableDir).isEmpty()) {
            return 0;
        }
        try (LocalTable table = LocalTable.over(tableDir)) {
            return Long.parseLong(table.run("SELECT count(*) FROM " + SharedNames.VIEW)
                    .textRows()
                    .get(0)
                    .get(0));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] gzip(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
