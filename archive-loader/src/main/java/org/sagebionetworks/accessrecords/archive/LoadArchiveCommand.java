package org.sagebionetworks.accessrecords.archive;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.sagebionetworks.accessrecords.kafka.TopicDefaults;
import org.sagebionetworks.accessrecords.toolsupport.IsoInstantConverter;
import org.sagebionetworks.accessrecords.toolsupport.KafkaOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import software.amazon.awssdk.core.exception.SdkException;

/** {@code load-archive}: Firehose's gzip NDJSON objects for a range of days to the raw topic (README, docs/). */
@Command(name = "load-archive", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Publish the Firehose raw archive of a range of days to the raw topic, resumably and exactly once.",
            "Reads the arrival-day folders <prefix>/year=YYYY/month=MM/day=DD/ of --from minus one day to --to plus one.",
            "Publishes the records whose request time (payload.timestamp, UTC) lies in --from..--to, at or after",
            "--since and before --cutover; skips (and counts) the others.",
            "Progress on stderr, a JSON summary on stdout. Exit status: 0 every object finished, 1 otherwise."})
public final class LoadArchiveCommand implements Callable<Integer> {

    @Option(names = "--bucket", required = true, paramLabel = "BUCKET",
            description = "The archive bucket, e.g. prod.log.sagebase.org.")
    private String bucket;

    @Option(names = "--prefix", required = true, paramLabel = "PREFIX",
            description = "The folder above year=, e.g. accessRecord/records.")
    private String prefix;

    @Option(names = "--from", required = true, paramLabel = "YYYY-MM-DD", description = "First request day (UTC).")
    private LocalDate from;

    @Option(names = "--to", required = true, paramLabel = "YYYY-MM-DD", description = "Last request day (UTC), included.")
    private LocalDate to;

    @Option(names = "--cutover", paramLabel = "ISO-8601", converter = IsoInstantConverter.class,
            description = "Skip records at or after this time: when the live stream took over.")
    private Instant cutover;

    @Option(names = "--since", paramLabel = "ISO-8601", converter = IsoInstantConverter.class,
            description = "Skip records before this time: when filling a gap, when the live stream stopped.")
    private Instant since;

    @Option(names = "--endpoint", paramLabel = "URL", description = "An S3-compatible endpoint (path-style), "
            + "e.g. http://localhost:9000; AWS S3 when absent.")
    private String endpoint;

    @Option(names = "--region", paramLabel = "REGION", defaultValue = "${env:AWS_REGION:-us-east-1}",
            description = "The bucket's region (default: env AWS_REGION, else ${DEFAULT-VALUE}).")
    private String region;

    @Mixin
    private KafkaOptions kafka;

    @Option(names = "--dead-letter-topic", paramLabel = "TOPIC",
            defaultValue = "${env:ACCESS_RECORDS_TOPICS_DEAD_LETTER:-" + TopicDefaults.DEAD_LETTER + "}",
            description = "Where unusable lines go (default: env ACCESS_RECORDS_TOPICS_DEAD_LETTER, "
                    + "else ${DEFAULT-VALUE}).")
    private String deadLetterTopic;

    @Option(names = "--progress-topic", paramLabel = "TOPIC", defaultValue = ProgressLog.DEFAULT_TOPIC,
            description = "Compacted topic of what each run published from each object, created if missing "
                    + "(default: ${DEFAULT-VALUE}).")
    private String progressTopic;

    @Option(names = "--progress-replication-factor", paramLabel = "N",
            defaultValue = "${env:ACCESS_RECORDS_TOPICS_REPLICATION_FACTOR:-3}",
            description = "Replication of the progress topic if created (default: env "
                    + "ACCESS_RECORDS_TOPICS_REPLICATION_FACTOR, else ${DEFAULT-VALUE}).")
    private short progressReplicationFactor;

    @Option(names = "--max-record-bytes", paramLabel = "BYTES",
            defaultValue = "${env:ACCESS_RECORDS_MAX_RECORD_BYTES:-1000000}",
            description = "Longer lines are dead-lettered as TOO_LARGE, as the service does (default: env "
                    + "ACCESS_RECORDS_MAX_RECORD_BYTES, else ${DEFAULT-VALUE}).")
    private int maxRecordBytes;

    @Option(names = "--transaction-records", paramLabel = "LINES", defaultValue = "10000",
            description = "Most lines per Kafka transaction, which also lasts at most one second; an interrupted run "
                    + "resumes after the last committed one (default: ${DEFAULT-VALUE}).")
    private int transactionRecords;

    @Option(names = "--max-records-per-second", paramLabel = "N", defaultValue = "0",
            description = "Ceiling on the publishing rate, to spare a busy cluster; 0 for none (default).")
    private long maxRecordsPerSecond;

    @Option(names = "--progress-interval", paramLabel = "DURATION", defaultValue = "PT30S",
            description = "How often to log progress when not on a terminal (default: ${DEFAULT-VALUE}).")
    private Duration progressInterval;

    @Option(names = "--transactional-id", paramLabel = "ID", description = "Kafka transactional.id, the same for every "
            + "load of an archive (a new loader fences a running one); default: "
            + "synapse-access-records-archive-loader-<hash of bucket and prefix>.")
    private String transactionalId;

    @Option(names = "--restart-rewritten", description = "Read an object whose ETag changed since an earlier load "
            + "from its first line, forgetting that load (records both versions hold are published again). Without "
            + "it such objects are refused and listed in rewritten_objects.")
    private boolean restartRewritten;

    private PrintStream out = System.out;
    private PrintStream err = System.err;

    /** For tests: where the summary and the refusals go. */
    LoadArchiveCommand withStreams(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
        return this;
    }

    @Override
    public Integer call() throws InterruptedException {
        LoadRange range;
        try {
            range = new LoadRange(from, to, since, cutover);
        } catch (IllegalArgumentException e) {
            err.println("load-archive: " + e.getMessage());
            return 2;
        }
        LoadStats stats = new LoadStats();
        try {
            String problem = prepareTopics(range);
            if (problem != null) {
                err.println("load-archive refused: " + problem);
                return 1;
            }
            load(range, stats);
        } catch (IllegalStateException | SdkException e) {
            err.println("load-archive failed: " + e.getMessage());
            out.println(stats.summaryJson());
            return 1;
        }
        if (!stats.rewrittenObjects.isEmpty()) {
            err.println("load-archive: " + stats.rewrittenObjects.size() + " objects changed (new ETag) since an earlier "
                    + "load read them and were not loaded: " + String.join(", ", stats.rewrittenObjects) + ". Compare "
                    + "the versions; to load the new ones from their first line, run again with --restart-rewritten.");
        }
        out.println(stats.summaryJson());
        return stats.failedObjects.isEmpty() ? 0 : 1;
    }

    /** Null when the raw and dead-letter topics can take the load (the progress topic is created if missing). */
    private String prepareTopics(LoadRange range) {
        try (Admin admin = kafka.admin()) {
            String problem = ArchiveTopics.problem(admin, kafka.rawTopic(), deadLetterTopic, range, kafka.timeout());
            if (problem == null) {
                new ProgressLog(progressTopic).ensureTopic(admin, progressReplicationFactor, kafka.timeout());
            }
            return problem;
        }
    }

    private void load(LoadRange range, LoadStats stats) throws InterruptedException {
        ProgressLog progressLog = new ProgressLog(progressTopic);
        ProgressReporter reporter = new ProgressReporter(stats, System.console() != null ? err : null, progressInterval);
        Map<String, Object> client = kafka.client().common();
        try (ArchiveStore store = new ArchiveStore(bucket, region, endpoint);
                ArchivePublisher publisher = new ArchivePublisher(client, transactionalId(), kafka.rawTopic(),
                        deadLetterTopic, maxRecordBytes)) {
            // Read after initTransactions (in the publisher): whatever an earlier or concurrent loader of the archive
            // left open is aborted first, and it can commit nothing more.
            Map<String, ObjectProgress> progress = progressLog.read(client, inFolders(range), kafka.timeout());
            ObjectLoader loader = new ObjectLoader(store, publisher, progressLog, range, maxRecordBytes,
                    transactionRecords, new Throttle(maxRecordsPerSecond), stats, reporter);
            new ArchiveLoad(store, loader, range, new LoadPlan(range, restartRewritten, stats), stats, reporter)
                    .run(prefix, progress);
        }
    }

    /** The progress worth keeping in memory: that of the objects in the folders this run reads. */
    private Predicate<String> inFolders(LoadRange range) {
        List<String> folders = range.dayPrefixes(prefix).stream().map(folder -> "s3://" + bucket + "/" + folder)
                .toList();
        return object -> folders.stream().anyMatch(object::startsWith);
    }

    private String transactionalId() {
        if (transactionalId != null) {
            return transactionalId;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((bucket + "/" + prefix).getBytes(StandardCharsets.UTF_8));
            return "synapse-access-records-archive-loader-" + HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
