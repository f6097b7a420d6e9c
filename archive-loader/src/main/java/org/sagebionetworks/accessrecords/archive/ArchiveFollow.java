package org.sagebionetworks.accessrecords.archive;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.sagebionetworks.accessrecords.archive.LoadPlan.Planned;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code load-archive --follow}: catches up from the range's first arrival day to today, then lists the recent
 * arrival-day folders every poll interval and loads the objects that landed, each as a one-shot run would (same
 * plan, same transactions with their progress), until asked to stop. A stop is honoured between objects: the object
 * in flight is finished and committed first.
 *
 * <p>What is known of each object stays in memory between polls, as this loader is the only writer of the archive's
 * progress (a second one would fence it). An object that failed is retried at the next poll, after its committed
 * progress is read again from Kafka.
 */
final class ArchiveFollow {

    private static final Logger LOG = LoggerFactory.getLogger(ArchiveFollow.class);

    private final ArchiveStore store;
    private final ObjectLoader loader;
    private final LoadPlan plan;
    private final LoadStats stats;
    private final ProgressReporter reporter;
    private final Supplier<Map<String, ObjectProgress>> committedProgress;
    private final Clock clock;
    /** Objects of the polled folders this run has finished or refused: not planned again. */
    private final Set<ArchiveObject> settled = new HashSet<>();

    private Map<String, ObjectProgress> progress;
    private boolean rereadProgress;

    ArchiveFollow(
            ArchiveStore store,
            ObjectLoader loader,
            LoadPlan plan,
            LoadStats stats,
            ProgressReporter reporter,
            Supplier<Map<String, ObjectProgress>> committedProgress,
            Clock clock) {
        this.store = store;
        this.loader = loader;
        this.plan = plan;
        this.stats = stats;
        this.reporter = reporter;
        this.committedProgress = committedProgress;
        this.clock = clock;
    }

    /** @param progress what earlier runs committed, by object URI, for the folders from the range's first on */
    void run(
            String prefix,
            LoadRange range,
            FollowSettings settings,
            FollowStop stop,
            Map<String, ObjectProgress> progress)
            throws InterruptedException {
        this.progress = new HashMap<>(progress);
        stats.loadStartNanos = System.nanoTime();
        poll(settings.catchUpFolders(prefix, range, today()), stop);
        while (!stop.isRequested() && !stop.awaitRequest(settings.pollInterval())) {
            poll(settings.pollFolders(prefix, range, today()), stop);
            reporter.maybeReport();
        }
        reporter.finish();
        LOG.info("Stopped following the archive; every object read is committed");
    }

    private void poll(List<String> folders, FollowStop stop) throws InterruptedException {
        if (rereadProgress) {
            progress = new HashMap<>(committedProgress.get());
            rereadProgress = false;
        }
        List<ArchiveObject> landed = folders.stream()
                .flatMap(folder -> store.list(folder).stream())
                .filter(object -> !settled.contains(object))
                .toList();
        List<Planned> todo = plan.plan(landed, progress);
        Set<ArchiveObject> planned =
                new HashSet<>(todo.stream().map(Planned::object).toList());
        landed.stream().filter(object -> !planned.contains(object)).forEach(settled::add);
        for (Planned next : todo) {
            if (stop.isRequested()) {
                return;
            }
            load(next);
        }
        if (!todo.isEmpty()) {
            LOG.info(
                    "Loaded {} objects that landed in {}..{}; {} records published since the start",
                    todo.size(),
                    folders.get(0),
                    folders.get(folders.size() - 1),
                    stats.published());
        }
        forgetBefore(folders.get(0));
    }

    private void load(Planned next) throws InterruptedException {
        ArchiveObject object = next.object();
        try {
            progress.put(object.uri(), loader.load(object, next.progress()));
            settled.add(object);
            stats.objectsFinished++;
            stats.failedObjects.remove(object.uri());
        } catch (IOException e) {
            if (!stats.failedObjects.contains(object.uri())) {
                stats.failedObjects.add(object.uri());
            }
            rereadProgress = true;
            LOG.error("Could not load {}; retrying at the next poll: {}", object.uri(), e.getMessage(), e.getCause());
        }
        reporter.maybeReport();
    }

    /** Polls never list folders older than the first one again: what is known of them needs no memory. */
    private void forgetBefore(String firstFolder) {
        String first = "s3://" + store.bucket() + "/" + firstFolder;
        progress.keySet().removeIf(uri -> uri.compareTo(first) < 0);
        settled.removeIf(object -> object.uri().compareTo(first) < 0);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
