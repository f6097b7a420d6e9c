package org.sagebionetworks.accessrecords.archive;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sagebionetworks.accessrecords.archive.Tally.Fate;

/**
 * The run's counters. {@link #committed} counts lines whose fate is committed in Kafka; {@code linesRead} and
 * {@code bytesRead} move with the reading and drive the progress display. The final summary is one JSON line.
 */
public final class LoadStats {

    private static final ObjectMapper JSON = new ObjectMapper();

    final Tally committed = new Tally();
    final List<String> failedObjects = new ArrayList<>();
    /** Objects refused because they changed since an earlier load read them (also in {@link #failedObjects}). */
    final List<String> rewrittenObjects = new ArrayList<>();
    /** What earlier runs of other ranges already published of this one's request times, by run. */
    final Map<String, EarlierRun> earlierRuns = new LinkedHashMap<>();

    final long startNanos = System.nanoTime();
    /** When the first object was opened: what came before is start-up (checks, producer, progress, listing). */
    long loadStartNanos;

    long objectsToLoad;
    long objectsAlreadyDone;
    long objectsResumed;
    long objectsFinished;
    /** Rewritten objects read again from their first line, as --restart-rewritten asks. */
    long objectsRestarted;

    long bytesToRead;
    long bytesRead;
    long linesRead;
    /** Lines an earlier, interrupted run already handled: read again to find the resume point, not republished. */
    long linesSkippedOnResume;

    /** An earlier run whose request times overlap this one's, in how many of the objects this one reads. */
    record EarlierRun(String run, RequestWindow overlap, long objects, Instant lastWritten) {

        EarlierRun plus(EarlierRun other) {
            boolean otherIsLater =
                    lastWritten == null || (other.lastWritten != null && other.lastWritten.isAfter(lastWritten));
            return new EarlierRun(
                    run, overlap, objects + other.objects, otherIsLater ? other.lastWritten : lastWritten);
        }
    }

    void countEarlierRun(ObjectLoad load, RequestWindow window) {
        earlierRuns.merge(
                load.run(),
                new EarlierRun(load.run(), load.window().intersection(window), 1, load.writtenAt()),
                EarlierRun::plus);
    }

    /** Lines committed to the raw topic. */
    public long published() {
        return committed.get(Fate.PUBLISHED);
    }

    /** Lines committed to the dead-letter topic: invalid, or too large. */
    public long deadLettered() {
        return committed.get(Fate.DEAD_LETTERED);
    }

    /** Lines read so far, including those of a transaction not yet committed. */
    public long linesRead() {
        return linesRead;
    }

    /** The objects not loaded to their end, by URI: unreadable after every attempt, or rewritten. */
    public List<String> failedObjects() {
        return List.copyOf(failedObjects);
    }

    double seconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    /** Every counter, as one JSON line: {@code {"summary":{...}}}. */
    public String summaryJson() {
        double seconds = seconds();
        ObjectNode summary = JSON.createObjectNode();
        summary.put("objects_to_load", objectsToLoad)
                .put("objects_already_done", objectsAlreadyDone)
                .put("objects_resumed", objectsResumed)
                .put("objects_finished", objectsFinished)
                .put("objects_failed", failedObjects.size())
                .put("objects_rewritten", rewrittenObjects.size())
                .put("objects_restarted", objectsRestarted)
                .put("lines_read", linesRead)
                .put("lines_skipped_on_resume", linesSkippedOnResume)
                .put("published", committed.get(Fate.PUBLISHED))
                .put("dead_lettered", committed.get(Fate.DEAD_LETTERED))
                .put("skipped_outside_range", committed.get(Fate.OUTSIDE_RANGE))
                .put("skipped_before_since", committed.get(Fate.BEFORE_SINCE))
                .put("skipped_after_cutover", committed.get(Fate.AFTER_CUTOVER))
                .put("skipped_already_loaded", committed.get(Fate.ALREADY_LOADED))
                .put("gzip_bytes_read", bytesRead)
                .put("seconds", round(seconds))
                .put("startup_seconds", loadStartNanos == 0 ? null : round((loadStartNanos - startNanos) / 1e9))
                .put("records_per_second", Math.round(linesRead / Math.max(seconds, 1e-3)))
                .put("gzip_mb_per_second", round(bytesRead / 1e6 / Math.max(seconds, 1e-3)));
        summary.putPOJO("failed_objects", failedObjects);
        summary.putPOJO("rewritten_objects", rewrittenObjects);
        ArrayNode earlier = summary.putArray("already_loaded");
        for (EarlierRun run : earlierRuns.values()) {
            earlier.addObject()
                    .put("run", run.run())
                    .put("request_times", run.overlap().toString())
                    .put("objects", run.objects())
                    .put(
                            "last_written",
                            run.lastWritten() == null ? null : run.lastWritten().toString());
        }
        return JSON.createObjectNode().set("summary", summary).toString();
    }
}
