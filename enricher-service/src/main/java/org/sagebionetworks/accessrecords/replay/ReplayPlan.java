package org.sagebionetworks.accessrecords.replay;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * What a replay will do, worked out before anything changes; printed as the dry run, then executed as printed.
 *
 * @param processedRecords records already in the target's processed topic; -1 when the topic does not exist
 * @param discardProcessed whether the target's non-empty processed topic is deleted with the internal topics
 */
record ReplayPlan(ReplayTarget target, StartingPoint from, List<PartitionReset> resets, List<String> internalTopics,
        long processedRecords, boolean discardProcessed, boolean stateDirExists) {

    /**
     * @param atEnd     no record at or after the time: the partition starts at its end, with records still to come
     * @param committed the group's committed offset before the replay; null when it has none
     */
    record PartitionReset(int partition, long offset, boolean atEnd, Long committed) {
    }

    /** The internal topics, and the processed topic when it holds rows of an earlier attempt to discard. */
    List<String> topicsToDelete() {
        List<String> topics = new ArrayList<>(internalTopics);
        if (discardProcessed && processedRecords > 0) {
            topics.add(target.processedTopic());
        }
        return topics;
    }

    void print(PrintStream out, boolean execute) {
        out.printf("Replay into pipeline version %s%s%n", target.version(),
                execute ? "" : " (dry run: nothing is changed; add --execute to do it)");
        out.printf("  consumer group (application.id) %s: no active members%n", target.applicationId());
        out.printf("  offsets to set on %s, from %s:%n", target.rawTopic(), from);
        for (PartitionReset reset : resets) {
            out.printf("    partition %d -> offset %d%s (committed now: %s)%n", reset.partition(), reset.offset(),
                    reset.atEnd() ? ", its end: no record at or after the time yet" : "",
                    reset.committed() == null ? "none" : reset.committed());
        }
        out.printf("  topics to delete: %s%n", topicsToDelete().isEmpty() ? "none" : String.join(", ", topicsToDelete()));
        out.printf("  processed topic %s: %s%n", target.processedTopic(), processedTopicFate());
        out.printf("  local state %s: %s%n", target.stateDir(), stateDirExists
                ? "exists here, will be deleted"
                : "not on this machine (if the service ran on another host with a persistent state volume, delete "
                        + target.stateDir().getFileName() + " there)");
        out.printf("  then: start the service with ACCESS_RECORDS_PIPELINE_VERSION=%s and the S3 sink connector with "
                + "topics=%s, topics.dir=%s (docs/replay.md)%n", target.version(), target.processedTopic(),
                target.version().topicsDir());
    }

    private String processedTopicFate() {
        if (processedRecords < 0) {
            return "does not exist yet; the service creates it";
        }
        if (processedRecords == 0) {
            return "exists and is empty";
        }
        return processedRecords + " records of an earlier attempt, will be deleted (--discard-processed-topic)";
    }
}
