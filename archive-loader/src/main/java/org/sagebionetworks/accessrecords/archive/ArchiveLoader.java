package org.sagebionetworks.accessrecords.archive;

import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.sagebionetworks.accessrecords.toolsupport.KafkaCalls;

/**
 * One load of a range of a Firehose archive into the raw topic: what {@code load-archive} runs, and what the local
 * stack runs over its input files. {@link #refusal} checks the topics first, {@link #load} publishes (or
 * {@link #follow}, for an open-ended range, as objects land); the counters
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
        List<String> folders = range.dayPrefixes(settings.archive().prefix());
        withLoader(
                object -> folders.stream().anyMatch(folder -> object.startsWith(uriOf(folder))),
                (store, loader, progress, reporter, reread) -> new ArchiveLoad(
                                store,
                                loader,
                                range,
                                new LoadPlan(range, settings.restartRewritten(), stats),
                                stats,
                                reporter)
                        .run(settings.archive().prefix(), progress));
    }

    /**
     * Publishes the records of the open-ended range as their objects land, until {@code stop} is requested (see
     * {@link ArchiveFollow}). Objects that failed are retried at each poll; throws as {@link #load} does.
     */
    public void follow(FollowSettings follow, FollowStop stop) throws InterruptedException {
        LoadRange range = settings.range();
        String prefix = settings.archive().prefix();
        String first = uriOf(LoadRange.arrivalFolder(prefix, range.from().minusDays(1)));
        String root = first.substring(0, first.indexOf("year="));
        withLoader(
                object -> object.startsWith(root) && object.compareTo(first) >= 0,
                (store, loader, progress, reporter, reread) -> new ArchiveFollow(
                                store,
                                loader,
                                new LoadPlan(range, settings.restartRewritten(), stats),
                                stats,
                                reporter,
                                reread,
                                Clock.systemUTC())
                        .run(prefix, range, follow, stop, progress));
    }

    /** What a load or a follow run does once the clients are open and the committed progress is read. */
    private interface Body {
        void run(
                ArchiveStore store,
                ObjectLoader loader,
                Map<String, ObjectProgress> progress,
                ProgressReporter reporter,
                Supplier<Map<String, ObjectProgress>> reread)
                throws InterruptedException;
    }

    /** @param wanted the objects, by URI, whose progress the run needs */
    private void withLoader(Predicate<String> wanted, Body body) throws InterruptedException {
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
            Supplier<Map<String, ObjectProgress>> committed =
                    () -> progressLog.read(client, wanted, settings.kafkaTimeout());
            // Read after initTransactions (in the publisher): whatever an earlier or concurrent loader of the archive
            // left open is aborted first, and it can commit nothing more.
            Map<String, ObjectProgress> progress = committed.get();
            ObjectLoader loader = new ObjectLoader(
                    store,
                    publisher,
                    progressLog,
                    settings.range(),
                    settings.maxRecordBytes(),
                    settings.transactionRecords(),
                    new Throttle(settings.maxRecordsPerSecond()),
                    stats,
                    reporter);
            body.run(store, loader, progress, reporter, committed);
        }
    }

    private String uriOf(String folder) {
        return "s3://" + settings.archive().bucket() + "/" + folder;
    }
}
