package org.sagebionetworks.accessrecords.replay;

import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What a replay will do, worked out before anything changes; printed as the dry run, then executed as printed.
 *
 * @param resets           the group's offsets to set: on the raw topic from the starting point, on the history
 *                         topic (if any) from its beginning
 * @param priorUse         what was looked at to tell the version was never used
 * @param discardProcessed whether the target's written processed topic is deleted with the internal topics
 * @param history          the version's private history input; null when it has none
 */
record ReplayPlan(
        ReplayTarget target,
        StartingPoint from,
        List<PartitionReset> resets,
        List<String> internalTopics,
        PriorUse.Findings priorUse,
        boolean discardProcessed,
        boolean stateDirExists,
        HistoryInput history) {

    /**
     * @param atEnd     no record at or after the time: the partition starts at its end, with records still to come
     * @param committed the group's committed offset before the replay; null when it has none
     */
    record PartitionReset(String topic, int partition, long offset, boolean atEnd, Long committed) {}

    /**
     * @param maxMessageBytes the raw topic's, which the history topic is created with
     * @param exists          false when the replay creates it, with the raw topic's partitions and replication
     * @param cutover         where the raw topic's records start being complete (or the replay's starting time):
     *                        history goes up to here; null when the raw topic holds nothing to start from
     */
    record HistoryInput(
            String topic,
            int partitions,
            short replicationFactor,
            String maxMessageBytes,
            boolean exists,
            Instant cutover) {}

    /** The internal topics, and the processed topic when an earlier attempt wrote it and it is to be discarded. */
    List<String> topicsToDelete() {
        List<String> topics = new ArrayList<>(internalTopics);
        if (discardProcessed && priorUse.processedWritten() > 0) {
            topics.add(target.processedTopic());
        }
        return topics;
    }

    void print(PrintStream out, boolean execute) {
        out.printf(
                "Replay into pipeline version %s%s%n",
                target.version(), execute ? "" : " (dry run: nothing is changed; add --execute to do it)");
        out.printf("  consumer group (application.id) %s: no active members%n", target.applicationId());
        out.printf("  processed topic %s: %s%n", target.processedTopic(), processedTopicState());
        out.printf("  other traces of an earlier use:%n");
        priorUse.checked().forEach(line -> out.printf("    %s%n", line));
        printResets(out, target.rawTopic(), from.toString());
        if (history != null) {
            printHistory(out);
        }
        out.printf(
                "  topics to delete: %s%n", topicsToDelete().isEmpty() ? "none" : String.join(", ", topicsToDelete()));
        out.printf(
                "  local state %s: %s%n",
                target.stateDir(),
                stateDirExists
                        ? "exists here, will be deleted"
                        : "not on this machine (if the service ran on another host with a persistent state volume, delete "
                                + target.stateDir().getFileName() + " there)");
        out.printf(
                "  then: start the service with ACCESS_RECORDS_PIPELINE_VERSION=%s%s and the S3 sink connector with "
                        + "topics=%s, topics.dir=%s (docs/replay.md)%n",
                target.version(),
                history == null ? "" : " ACCESS_RECORDS_TOPICS_HISTORY=" + history.topic(),
                target.processedTopic(),
                target.topicsDir());
    }

    private void printResets(PrintStream out, String topic, String start) {
        out.printf("  offsets to set on %s, from %s:%n", topic, start);
        for (PartitionReset reset : resets) {
            if (reset.topic().equals(topic)) {
                out.printf(
                        "    partition %d -> offset %d%s (committed now: %s)%n",
                        reset.partition(),
                        reset.offset(),
                        reset.atEnd() ? ", its end: no record at or after the time yet" : "",
                        reset.committed() == null ? "none" : reset.committed());
            }
        }
    }

    private void printHistory(PrintStream out) {
        out.printf(
                "  history topic %s: %s%n",
                history.topic(),
                history.exists()
                        ? "exists with " + history.partitions() + " partitions, as the raw topic"
                        : "will be created with " + history.partitions() + " partitions, replication "
                                + history.replicationFactor() + " and max.message.bytes=" + history.maxMessageBytes()
                                + " (the raw topic's), retention.ms=-1");
        printResets(out, history.topic(), "its beginning");
        // The loader's progress says which lines of an object were published, not to which topic: a load into the
        // raw topic before would count as done. A progress topic and transactional id of the history topic's own
        // keep its loads apart from the raw topic's.
        String load = "load-archive --raw-topic " + history.topic() + " --progress-topic " + history.topic()
                + ".progress --transactional-id synapse-access-records-archive-loader-" + history.topic();
        out.printf(
                "  history to load into it before starting %s: %s%n",
                target.version(),
                history.cutover() == null
                        ? "everything (the raw topic holds nothing to start from), with " + load
                        : load + " --cutover " + history.cutover() + " (a later cutover is safe: " + target.version()
                                + " drops the overlap; an earlier one leaves a gap)");
    }

    private String processedTopicState() {
        long written = priorUse.processedWritten();
        if (written < 0) {
            return "does not exist yet; the service creates it";
        }
        if (written == 0) {
            return "exists, never written";
        }
        return "was written (" + written
                + " offsets) by an earlier attempt, will be deleted (--discard-processed-topic)";
    }
}
