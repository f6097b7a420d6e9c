package org.sagebionetworks.accessrecords.archive;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides, before anything is read, what a run does with each listed object, from what earlier runs of any range
 * committed: skip it (every request time of this run is published already), refuse it (it was rewritten since a
 * load read it), or load it, resuming this range's own interrupted load and leaving out what other ranges did.
 */
final class LoadPlan {

    private static final Logger LOG = LoggerFactory.getLogger(LoadPlan.class);

    /** An object to load, with everything earlier runs did in it. */
    record Planned(ArchiveObject object, ObjectProgress progress) {}

    private final RequestWindow window;
    private final boolean restartRewritten;
    private final LoadStats stats;

    LoadPlan(LoadRange range, boolean restartRewritten, LoadStats stats) {
        this.window = range.window();
        this.restartRewritten = restartRewritten;
        this.stats = stats;
    }

    /** Called once by a run over a range, and once per poll by a follow run: the counters add up. */
    List<Planned> plan(List<ArchiveObject> listed, Map<String, ObjectProgress> progress) {
        List<Planned> todo = new ArrayList<>();
        Set<String> earlierRuns = new LinkedHashSet<>();
        for (ArchiveObject object : listed) {
            ObjectProgress earlier = progress.getOrDefault(object.uri(), ObjectProgress.none(object));
            List<ObjectLoad> otherVersions = earlier.otherVersions(window, object.etag());
            if (otherVersions.stream().anyMatch(load -> load.lines() > 0)) {
                if (!restartRewritten) {
                    refuseRewritten(object, otherVersions);
                    continue;
                }
                LOG.warn(
                        "{} was rewritten (ETag now {}); --restart-rewritten: reading it from its first line",
                        object.uri(),
                        object.etag());
                stats.objectsRestarted++;
            }
            earlier = earlier.without(otherVersions);
            for (ObjectLoad load : earlier.earlierLoads(window, object.etag())) {
                stats.countEarlierRun(load, window);
                earlierRuns.add(load.run());
            }
            if (earlier.covers(window, object.etag())) {
                stats.objectsAlreadyDone++;
            } else {
                todo.add(new Planned(object, earlier));
                stats.bytesToRead += object.size();
            }
        }
        stats.objectsToLoad += todo.size();
        earlierRuns.stream()
                .map(stats.earlierRuns::get)
                .forEach(run -> LOG.warn(
                        "Request times {} were already loaded by the run {} (in {} "
                                + "objects, last progress {}): not published again, counted as skipped_already_loaded",
                        run.overlap(),
                        run.run(),
                        run.objects(),
                        run.lastWritten()));
        return todo;
    }

    /**
     * Resuming another version at a line count, or reading it whole, would lose or repeat records, and which one
     * is right depends on what changed, which only a person can tell.
     */
    private void refuseRewritten(ArchiveObject object, List<ObjectLoad> otherVersions) {
        stats.failedObjects.add(object.uri());
        stats.rewrittenObjects.add(object.uri());
        String loads = otherVersions.stream()
                .map(load -> "run " + load.run() + " read " + (load.done() ? "all" : load.lines() + " lines")
                        + " of ETag " + load.etag())
                .collect(Collectors.joining("; "));
        LOG.error(
                "Not loading {}: it was rewritten since it was loaded (ETag now {}; {}). Resuming at another "
                        + "version's line count, or reading the new version whole, could lose or repeat records. Compare the "
                        + "versions; if the new one must be loaded, run again with --restart-rewritten, which reads it from "
                        + "its first line (records both versions hold are then published again).",
                object.uri(),
                object.etag(),
                loads);
    }
}
