package org.sagebionetworks.accessrecords.archive;

import org.apache.kafka.common.KafkaException;
import org.sagebionetworks.accessrecords.archive.Tally.Fate;

/**
 * The open transaction of one object: the lines handled since this run's load of it was last committed.
 * Committing writes the object's progress record (every load of it, this one advanced) in the same transaction,
 * so progress and records become visible together.
 */
final class ObjectTransaction {

    /**
     * An open transaction holds back every read_committed reader of the raw topic, the live service included, so
     * none stays open longer than this, whatever the pace (and well inside transaction.timeout.ms).
     */
    private static final long MAX_NANOS = 1_000_000_000L;

    private final ArchivePublisher publisher;
    private final ProgressLog progressLog;
    private final LoadStats stats;
    private final int maxLines;
    private final ArchiveObject object;
    private ObjectProgress progress;
    private ObjectLoad committed;
    private Tally pending = new Tally();
    private long handled;
    private long startNanos;

    ObjectTransaction(
            ArchivePublisher publisher,
            ProgressLog progressLog,
            LoadStats stats,
            int maxLines,
            ArchiveObject object,
            ObjectProgress progress,
            ObjectLoad committed) {
        this.publisher = publisher;
        this.progressLog = progressLog;
        this.stats = stats;
        this.maxLines = maxLines;
        this.object = object;
        this.progress = progress;
        this.committed = committed;
        this.handled = committed.lines();
        open();
    }

    void open() {
        publisher.begin();
        startNanos = System.nanoTime();
    }

    void add(Fate fate, long lineNumber) {
        pending.count(fate);
        handled = lineNumber;
    }

    /** Whether to commit now: enough lines, or open long enough. */
    boolean due() {
        return pending.lines() >= maxLines || System.nanoTime() - startNanos > MAX_NANOS;
    }

    long committedLines() {
        return committed.lines();
    }

    /** Commits the records with the object's progress up to the last handled line; the run's counters follow. */
    ObjectProgress commit(boolean done) {
        ObjectLoad next = committed.advance(handled, done, pending);
        ObjectProgress nextProgress = progress.with(next);
        try {
            publisher.commit(progressLog.record(nextProgress));
        } catch (KafkaException e) {
            throw new IllegalStateException(
                    publisher.refusal(
                            e,
                            "Kafka refused to commit " + object.uri()
                                    + " up to line " + handled
                                    + "; the transaction was aborted. Re-run to resume after line "
                                    + committed.lines() + "."),
                    e);
        }
        stats.committed.add(pending);
        committed = next;
        progress = nextProgress;
        pending = new Tally();
        return nextProgress;
    }
}
