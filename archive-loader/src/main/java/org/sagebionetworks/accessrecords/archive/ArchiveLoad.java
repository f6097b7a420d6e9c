package org.sagebionetworks.accessrecords.archive;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sagebionetworks.accessrecords.archive.LoadPlan.Planned;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run over a range: lists the day folders, plans each object from what earlier runs committed (see
 * {@link LoadPlan}), and loads the rest oldest first. An object that stays unreadable is reported and the run
 * goes on; the run then ends unsuccessfully, and the next run retries only what is unfinished.
 */
final class ArchiveLoad {

    private static final Logger LOG = LoggerFactory.getLogger(ArchiveLoad.class);

    private final ArchiveStore store;
    private final ObjectLoader loader;
    private final LoadRange range;
    private final LoadPlan plan;
    private final LoadStats stats;
    private final ProgressReporter reporter;

    ArchiveLoad(
            ArchiveStore store,
            ObjectLoader loader,
            LoadRange range,
            LoadPlan plan,
            LoadStats stats,
            ProgressReporter reporter) {
        this.store = store;
        this.loader = loader;
        this.range = range;
        this.plan = plan;
        this.stats = stats;
        this.reporter = reporter;
    }

    /** @param progress what earlier runs of any range committed, by object URI */
    void run(String prefix, Map<String, ObjectProgress> progress) throws InterruptedException {
        List<ArchiveObject> listed = new ArrayList<>();
        for (String dayPrefix : range.dayPrefixes(prefix)) {
            listed.addAll(store.list(dayPrefix));
        }
        List<Planned> todo = plan.plan(listed, progress);
        stats.loadStartNanos = System.nanoTime();
        LOG.info(
                "{} objects to load ({} MB gzip), {} finished by earlier runs",
                todo.size(),
                stats.bytesToRead / 1_000_000,
                stats.objectsAlreadyDone);
        for (Planned planned : todo) {
            ArchiveObject object = planned.object();
            try {
                loader.load(object, planned.progress());
                stats.objectsFinished++;
            } catch (IOException e) {
                stats.failedObjects.add(object.uri());
                LOG.error("Giving up on {} for this run: {}", object.uri(), e.getMessage(), e.getCause());
            }
            reporter.maybeReport();
        }
        reporter.finish();
    }
}
