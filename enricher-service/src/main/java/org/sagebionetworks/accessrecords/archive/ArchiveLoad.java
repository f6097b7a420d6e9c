package org.sagebionetworks.accessrecords.archive;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run over a range: lists the day folders, skips the objects an earlier run finished, resumes the one it was
 * in, and loads the rest oldest first. An object that stays unreadable is reported and the run goes on; the run
 * then ends unsuccessfully, and the next run retries only what is unfinished.
 */
final class ArchiveLoad {

    private static final Logger LOG = LoggerFactory.getLogger(ArchiveLoad.class);

    private final ArchiveStore store;
    private final ObjectLoader loader;
    private final LoadRange range;
    private final LoadStats stats;
    private final ProgressReporter reporter;

    ArchiveLoad(ArchiveStore store, ObjectLoader loader, LoadRange range, LoadStats stats, ProgressReporter reporter) {
        this.store = store;
        this.loader = loader;
        this.range = range;
        this.stats = stats;
        this.reporter = reporter;
    }

    /** @param progress what earlier runs of this range committed, by object URI */
    void run(String prefix, Map<String, ObjectProgress> progress) throws InterruptedException {
        List<ArchiveObject> todo = unfinished(prefix, progress);
        stats.loadStartNanos = System.nanoTime();
        LOG.info("{} objects to load ({} MB gzip), {} finished by earlier runs", todo.size(),
                stats.bytesToRead / 1_000_000, stats.objectsAlreadyDone);
        for (ArchiveObject object : todo) {
            ObjectProgress from = progress.getOrDefault(object.uri(), ObjectProgress.start(object, range));
            if (from.lines() > 0) {
                stats.objectsResumed++;
                LOG.info("Resuming {} after line {}", object.uri(), from.lines());
            }
            try {
                loader.load(object, from);
                stats.objectsFinished++;
            } catch (IOException e) {
                stats.failedObjects.add(object.uri());
                LOG.error("Giving up on {} for this run: {}", object.uri(), e.getMessage(), e.getCause());
            }
            reporter.maybeReport();
        }
        reporter.finish();
    }

    private List<ArchiveObject> unfinished(String prefix, Map<String, ObjectProgress> progress) {
        List<ArchiveObject> todo = new ArrayList<>();
        long otherBounds = 0;
        for (String dayPrefix : range.dayPrefixes(prefix)) {
            for (ArchiveObject object : store.list(dayPrefix)) {
                ObjectProgress done = progress.get(object.uri());
                if (done != null && done.done()) {
                    stats.objectsAlreadyDone++;
                    boolean sameBounds = Objects.equals(done.since(), range.since())
                            && Objects.equals(done.cutover(), range.cutover());
                    otherBounds += sameBounds ? 0 : 1;
                } else {
                    todo.add(object);
                    stats.bytesToRead += object.size();
                }
            }
        }
        stats.objectsToLoad = todo.size();
        if (otherBounds > 0) {
            LOG.warn("{} finished objects of {} were loaded with another --since or --cutover; they are not loaded "
                    + "again", otherBounds, range.id());
        }
        return todo;
    }
}
