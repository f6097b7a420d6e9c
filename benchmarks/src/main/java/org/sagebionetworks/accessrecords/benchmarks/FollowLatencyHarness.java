package org.sagebionetworks.accessrecords.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.sagebionetworks.accessrecords.archive.ArchiveLoader;
import org.sagebionetworks.accessrecords.archive.ArchiveLocation;
import org.sagebionetworks.accessrecords.archive.FollowSettings;
import org.sagebionetworks.accessrecords.archive.FollowStop;
import org.sagebionetworks.accessrecords.archive.LoadRange;
import org.sagebionetworks.accessrecords.archive.LoadSettings;
import org.sagebionetworks.accessrecords.archive.LoadTopics;
import org.sagebionetworks.accessrecords.kafka.KafkaClientSettings;
import org.sagebionetworks.accessrecords.local.LocalStack;
import org.sagebionetworks.accessrecords.schema.SharedNames;

/**
 * Landing to queryable in follow mode ({@link LandingToQueryable}): {@code load-archive --follow} watches the local
 * stack's input bucket; each round lands one Firehose object of fresh records into today's arrival folder, moved
 * atomically into s3proxy's folder of the bucket, which serves its files as objects. Run by hand: {@code java -cp
 * local-stack/target/local-stack.jar:benchmarks/target/classes ...FollowLatencyHarness ROUNDS RECORDS POLL}, e.g.
 * {@code 10 100 PT1S}.
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
        try (LandingToQueryable bench = LandingToQueryable.start("follow-latency")) {
            ArchiveLoader loader = new ArchiveLoader(loadSettings(bench.stack()), null);
            String refusal = loader.refusal();
            if (refusal != null) {
                throw new IllegalStateException(refusal);
            }
            FollowStop stop = new FollowStop();
            Thread follower = new Thread(() -> follow(loader, poll, stop), "follower");
            follower.start();
            Path dataDir = bench.dataDir();
            bench.measure(rounds, records, (round, lines) -> land(dataDir, round, lines));
            stop.request();
            follower.join(PATIENCE.toMillis());
        }
    }

    /** Writes the object beside the bucket, then moves it in: it lands whole, at the moment returned. */
    private static long land(Path dataDir, int round, List<String> lines) throws IOException {
        String text = String.join("\n", lines) + "\n";
        Path object = Files.write(dataDir.resolve("round-" + round + ".gz"), gzip(text));
        Path key = dataDir.resolve("s3")
                .resolve(BUCKET)
                .resolve(LoadRange.arrivalFolder(PREFIX, LocalDate.now(ZoneOffset.UTC)) + "round-" + round + ".gz");
        Files.createDirectories(key.getParent());
        long landed = System.nanoTime();
        Files.move(object, key, StandardCopyOption.ATOMIC_MOVE);
        return landed;
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

    private static byte[] gzip(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
