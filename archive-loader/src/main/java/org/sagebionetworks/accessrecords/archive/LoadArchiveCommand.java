package org.sagebionetworks.accessrecords.archive;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.sagebionetworks.accessrecords.schema.RecordLimits;
import org.sagebionetworks.accessrecords.schema.SharedNames;
import org.sagebionetworks.accessrecords.toolsupport.IsoInstantConverter;
import org.sagebionetworks.accessrecords.toolsupport.KafkaOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import software.amazon.awssdk.core.exception.SdkException;

/** {@code load-archive}: Firehose's gzip NDJSON objects for a range of days to the raw topic (docs/archive-loader.md). */
@Command(
        name = "load-archive",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Publish the Firehose raw archive of a range of days to the raw topic, resumably and exactly once.",
            "Reads the arrival-day folders <prefix>/year=YYYY/month=MM/day=DD/ of --from minus one day to --to plus one.",
            "Publishes the records whose request time (payload.timestamp, UTC) lies in --from..--to, at or after",
            "--since and before --cutover; skips (and counts) the others.",
            "With --follow instead of --to: keeps loading objects as they land, until SIGTERM.",
            "Progress on stderr, a JSON summary on stdout. Exit status: 0 every object finished, 1 otherwise."
        })
public final class LoadArchiveCommand implements Callable<Integer> {

    @Option(
            names = "--bucket",
            required = true,
            paramLabel = "BUCKET",
            description = "The archive bucket, e.g. prod.log.sagebase.org.")
    private String bucket;

    @Option(
            names = "--prefix",
            required = true,
            paramLabel = "PREFIX",
            description = "The folder above year=, e.g. accessRecord/records.")
    private String prefix;

    @Option(names = "--from", required = true, paramLabel = "YYYY-MM-DD", description = "First request day (UTC).")
    private LocalDate from;

    @Option(
            names = "--to",
            paramLabel = "YYYY-MM-DD",
            description = "Last request day (UTC), included; required unless --follow.")
    private LocalDate to;

    @Option(
            names = "--follow",
            description = "Keep loading objects as they land, from --from on, until stopped (SIGTERM: the object in "
                    + "flight is finished and committed). Lists today's arrival folder and --lookback-days before it "
                    + "every --poll-interval.")
    private boolean follow;

    @Option(
            names = "--poll-interval",
            paramLabel = "DURATION",
            defaultValue = "PT1M",
            description = "With --follow: time between two listings (default: ${DEFAULT-VALUE}).")
    private Duration pollInterval;

    @Option(
            names = "--lookback-days",
            paramLabel = "DAYS",
            defaultValue = "" + FollowSettings.DEFAULT_LOOKBACK_DAYS,
            description = "With --follow: arrival days before today each poll lists too, for objects Firehose "
                    + "writes late (default: ${DEFAULT-VALUE}).")
    private int lookbackDays;

    @Option(
            names = "--cutover",
            paramLabel = "ISO-8601",
            converter = IsoInstantConverter.class,
            description = "Skip records at or after this time: when the live stream took over.")
    private Instant cutover;

    @Option(
            names = "--since",
            paramLabel = "ISO-8601",
            converter = IsoInstantConverter.class,
            description = "Skip records before this time: when filling a gap, when the live stream stopped.")
    private Instant since;

    @Option(
            names = "--endpoint",
            paramLabel = "URL",
            description =
                    "An S3-compatible endpoint (path-style), " + "e.g. http://localhost:9000; AWS S3 when absent.")
    private String endpoint;

    @Option(
            names = "--region",
            paramLabel = "REGION",
            defaultValue = "${env:AWS_REGION:-us-east-1}",
            description = "The bucket's region (default: env AWS_REGION, else ${DEFAULT-VALUE}).")
    private String region;

    @Mixin
    private KafkaOptions kafka;

    @Option(
            names = "--dead-letter-topic",
            paramLabel = "TOPIC",
            defaultValue = "${env:ACCESS_RECORDS_TOPICS_DEAD_LETTER:-" + SharedNames.DEAD_LETTER_TOPIC + "}",
            description = "Where unusable lines go (default: env ACCESS_RECORDS_TOPICS_DEAD_LETTER, "
                    + "else ${DEFAULT-VALUE}).")
    private String deadLetterTopic;

    @Option(
            names = "--progress-topic",
            paramLabel = "TOPIC",
            defaultValue = SharedNames.ARCHIVE_LOADER_PROGRESS_TOPIC,
            description = "Compacted topic of what each run published from each object, created if missing "
                    + "(default: ${DEFAULT-VALUE}).")
    private String progressTopic;

    @Option(
            names = "--progress-replication-factor",
            paramLabel = "N",
            defaultValue = "${env:ACCESS_RECORDS_TOPICS_REPLICATION_FACTOR}",
            description = "Replication of the progress topic if created (default: env "
                    + "ACCESS_RECORDS_TOPICS_REPLICATION_FACTOR, else the broker's default.replication.factor).")
    private Short progressReplicationFactor;

    @Option(
            names = "--max-record-bytes",
            paramLabel = "BYTES",
            defaultValue = "${env:ACCESS_RECORDS_MAX_RECORD_BYTES:-" + RecordLimits.MAX_RECORD_BYTES + "}",
            description = "Longer lines are dead-lettered as TOO_LARGE, as the service does (default: env "
                    + "ACCESS_RECORDS_MAX_RECORD_BYTES, else ${DEFAULT-VALUE}).")
    private int maxRecordBytes;

    @Option(
            names = "--transaction-records",
            paramLabel = "LINES",
            defaultValue = "" + LoadSettings.DEFAULT_TRANSACTION_RECORDS,
            description = "Most lines per Kafka transaction, which also lasts at most one second; an interrupted run "
                    + "resumes after the last committed one (default: ${DEFAULT-VALUE}).")
    private int transactionRecords;

    @Option(
            names = "--max-records-per-second",
            paramLabel = "N",
            defaultValue = "0",
            description = "Ceiling on the publishing rate, to spare a busy cluster; 0 for none (default).")
    private long maxRecordsPerSecond;

    @Option(
            names = "--progress-interval",
            paramLabel = "DURATION",
            defaultValue = "PT30S",
            description = "How often to log progress when not on a terminal (default: ${DEFAULT-VALUE}).")
    private Duration progressInterval;

    @Option(
            names = "--transactional-id",
            paramLabel = "ID",
            description = "Kafka transactional.id, the same for every "
                    + "load of an archive (a new loader fences a running one); default: "
                    + "synapse-access-records-archive-loader-<hash of bucket and prefix>.")
    private String transactionalId;

    @Option(
            names = "--restart-rewritten",
            description = "Read an object whose ETag changed since an earlier load "
                    + "from its first line, forgetting that load (records both versions hold are published again). Without "
                    + "it such objects are refused and listed in rewritten_objects.")
    private boolean restartRewritten;

    private PrintStream out = System.out;
    private PrintStream err = System.err;
    private FollowStop stop = new FollowStop();

    /** For tests: where the summary and the refusals go. */
    LoadArchiveCommand withStreams(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
        return this;
    }

    /** For tests: how a follow run is stopped in place of SIGTERM. */
    LoadArchiveCommand withStop(FollowStop stop) {
        this.stop = stop;
        return this;
    }

    @Override
    public Integer call() throws InterruptedException {
        LoadRange range;
        FollowSettings following;
        try {
            requireRangeOrFollow();
            range = new LoadRange(from, to, since, cutover);
            following = new FollowSettings(pollInterval, lookbackDays);
        } catch (IllegalArgumentException e) {
            err.println("load-archive: " + e.getMessage());
            return 2;
        }
        ArchiveLoader loader = new ArchiveLoader(settings(range), System.console() != null ? err : null);
        try {
            String refusal = loader.refusal();
            if (refusal != null) {
                err.println("load-archive refused: " + refusal);
                return 1;
            }
            if (follow) {
                new FollowShutdown(stop).during(() -> loader.follow(following, stop));
            } else {
                loader.load();
            }
            return summarize(loader.stats());
        } catch (IllegalStateException | SdkException e) {
            err.println("load-archive failed: " + e.getMessage());
            out.println(loader.stats().summaryJson());
            return 1;
        } finally {
            // After the summary: a SIGTERM's shutdown hook waits for this, and the JVM exits when the hook returns.
            stop.finished();
        }
    }

    private void requireRangeOrFollow() {
        if (follow && to != null) {
            throw new IllegalArgumentException("--follow loads from --from on, as objects land: leave out --to");
        }
        if (!follow && to == null) {
            throw new IllegalArgumentException("--to is required (or --follow, to keep loading as objects land)");
        }
    }

    private int summarize(LoadStats stats) {
        if (!stats.rewrittenObjects.isEmpty()) {
            err.println("load-archive: " + stats.rewrittenObjects.size()
                    + " objects changed (new ETag) since an earlier "
                    + "load read them and were not loaded: " + String.join(", ", stats.rewrittenObjects) + ". Compare "
                    + "the versions; to load the new ones from their first line, run again with --restart-rewritten.");
        }
        out.println(stats.summaryJson());
        return stats.failedObjects.isEmpty() ? 0 : 1;
    }

    private LoadSettings settings(LoadRange range) {
        return new LoadSettings(
                new ArchiveLocation(bucket, prefix, region, endpoint),
                range,
                kafka.client(),
                kafka.timeout(),
                new LoadTopics(kafka.rawTopic(), deadLetterTopic, progressTopic, progressReplicationFactor),
                transactionalId,
                maxRecordBytes,
                transactionRecords,
                maxRecordsPerSecond,
                progressInterval,
                restartRewritten);
    }
}
