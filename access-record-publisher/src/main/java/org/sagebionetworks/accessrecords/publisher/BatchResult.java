package org.sagebionetworks.accessrecords.publisher;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import org.sagebionetworks.accessrecords.core.validation.RejectionReason;

/**
 * What became of a batch at the moment {@link AccessRecordPublisher#publishBatch} returned: how many records were
 * handed to Kafka and, for the others, why not. An accepted record's delivery ends later, in
 * {@link PublisherStats#sent()} or {@link PublisherStats#failed()}; every record here is in the stats too.
 */
public final class BatchResult {

    private final int size;
    private final int accepted;
    private final Map<RejectionReason, Integer> invalidByReason;
    private final Map<DropReason, Integer> droppedByReason;
    private final int failed;

    private BatchResult(Tally tally) {
        this.size = tally.size;
        this.accepted = tally.accepted;
        this.invalidByReason = Collections.unmodifiableMap(new EnumMap<>(tally.invalid));
        this.droppedByReason = Collections.unmodifiableMap(new EnumMap<>(tally.dropped));
        this.failed = tally.failed;
    }

    /** Records in the batch. */
    public int size() {
        return size;
    }

    /** Handed to Kafka: buffered to be sent, or already sent. */
    public int accepted() {
        return accepted;
    }

    /** Not handed to Kafka, for any of the reasons below; Firehose still has them. */
    public int refused() {
        return size - accepted;
    }

    /** Rejected by the core's rules, by reason; never sent. */
    public Map<RejectionReason, Integer> invalidByReason() {
        return invalidByReason;
    }

    /** Valid, but refused at once: the buffer was full, the topic unknown, or the publisher closed. */
    public Map<DropReason, Integer> droppedByReason() {
        return droppedByReason;
    }

    /** Lost to an error the producer raised at once instead of reporting it later. */
    public int failed() {
        return failed;
    }

    /** For the host's log: {@code 500 records: 498 accepted, 2 invalid {MISSING_FIELD=2}, 0 dropped {}, 0 failed}. */
    @Override
    public String toString() {
        return size + " records: " + accepted + " accepted, " + sum(invalidByReason) + " invalid " + invalidByReason
                + ", " + sum(droppedByReason) + " dropped " + droppedByReason + ", " + failed + " failed";
    }

    private static int sum(Map<?, Integer> counts) {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    /**
     * Counts one batch on the calling thread, the only one that touches it. {@link #NONE} counts nothing, for single
     * records, whose outcome only the stats keep; it is shared by every thread and so must stay stateless.
     */
    static class Tally {

        static final Tally NONE = new Tally() {
            @Override
            void published() {}

            @Override
            void accepted() {}

            @Override
            void invalid(RejectionReason reason) {}

            @Override
            void dropped(DropReason reason) {}

            @Override
            void failed() {}
        };

        private int size;
        private int accepted;
        private final Map<RejectionReason, Integer> invalid = new EnumMap<>(RejectionReason.class);
        private final Map<DropReason, Integer> dropped = new EnumMap<>(DropReason.class);
        private int failed;

        void published() {
            size++;
        }

        void accepted() {
            accepted++;
        }

        void invalid(RejectionReason reason) {
            invalid.merge(reason, 1, Integer::sum);
        }

        void dropped(DropReason reason) {
            dropped.merge(reason, 1, Integer::sum);
        }

        void failed() {
            failed++;
        }

        BatchResult result() {
            return new BatchResult(this);
        }
    }
}
