package org.sagebionetworks.accessrecords.archive;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.sagebionetworks.accessrecords.toolsupport.KafkaCalls;

/**
 * One load of a range of a Firehose archive into the raw topic: what {@code load-archive} runs, and what the local
 * stack runs over its input files. {@link #refusal} checks the topics first, {@link #load} publishes; the counters
 * are in {@link #stats} all along, and after a failure too.
 */
public final class ArchiveLoader {

    private final LoadSettings settings;
    private final PrintStream terminal;
    private final LoadStats stats = new LoadStats();

    /** @param terminal where to draw a live progress line, or null to log progress every interval instead */
    public ArchiveLoader(LoadSettings settings, PrintStream terminal) {
        this.settings = settings;
        this.terminal = terminal;
    }

    public LoadStats stats() {
        return stats;
    }

    /**
     * Null when the raw and dead-letter topics can take the load, the progress topic then being created if missing;
     * otherwise what is wrong and what to do. Throws {@link IllegalStateException} when Kafka does not answer.
     */
    public String refusal() {
        try (Admin admin = KafkaCalls.admin(settings.kafka(), settings.kafkaTimeout())) {
            LoadTopics topics = settings.topics();
            String problem = ArchiveTopics.problem(
                    admin, topics.raw(), topics.deadLetter(), settings.range(), settings.kafkaTimeout());
            if (problem == null) {
                new ProgressLog(topics.progress())
                        .ensureTopic(
                                admin,
                                Optional.ofNullable(topics.progressReplicationFactor()),
                                settings.kafkaTimeout());
            }
            return problem;
        }
    }

    /**
     * Publishes the records of the range, object by object. An object that stays unreadable is listed in
     * {@link LoadStats#failedObjects} and the load goes on; throws {@link IllegalStateException} when Kafka refuses,
     * and the S3 client's {@code SdkException} when the archive cannot be listed.
     */
    public void load() throws InterruptedException {
        LoadRange range = settings.range();
        LoadTopics topics = settings.topics();
        ProgressLog progressLog = new ProgressLog(topics.progress());
        ProgressReporter reporter = new ProgressReporter(stats, terminal, settings.progressInterval());
        Map<String, Object> client = settings.kafka().common();
        ArchiveLocation archive = settings.archive();
        try (ArchiveStore store = new ArchiveStore(archive.bucket(), archive.region(), archive.endpoint());
                ArchivePublisher publisher = new ArchivePublisher(
                        client,
                        settings.transactionalId(),
                        topics.raw(),
                        topics.deadLetter(),
                        settings.maxRecordBytes())) {
            // Read after initTransactions (in the publisher): whatever an earlier or concurrent loader of the archive
            // left open is aborted first, and it can commit nothing more.
            Map<String, ObjectProgress> progress = progressLog.read(client, inFolders(range), settings.kafkaTimeout());
            ObjectLoader loader = new ObjectLoader(
                    store,
                    publisher,
                    progressLog,
                    range,
                    settings.maxRecordBytes(),
                    settings.transactionRecords(),
                    new Throttle(settings.maxRecordsPerSecond()),
                    stats,
                    reporter);
            new ArchiveLoad(
                            store,
                            loader,
                            range,
                            new LoadPlan(range, settings.restartRewritten(), stats),
                            stats,
                            reporter)
                    .run(archive.prefix(), progress);
        }
    }

    /** The progress worth keeping in memory: that of the objects in the folders this run reads. */
    private Predicate<String> inFolders(LoadRange range) {
        List<String> folders = range.dayPrefixes(settings.archive().prefix()).stream()
                .map(folder -> "s3://" + settings.archive().bucket() + "/" + folder)
                .toList();
        return object -> folders.stream().anyMatch(object::startsWith);
    }
}
