package org.sagebionetworks.accessrecords.publisher;

import java.util.EnumMap;
import java.util.Map;
import org.sagebionetworks.accessrecords.core.validation.RejectionReason;

/**
 * The publisher's counters and latencies at one moment, counted since it was created. Every published record ends
 * in exactly one of sent, failed, dropped or invalid; until then it is pending. Hosts that report per interval
 * subtract an earlier snapshot with {@link #since(PublisherStats)}.
 */
public final class PublisherStats {

    private final long published;
    private final long sent;
    private final long failed;
    private final Map<DropReason, Long> droppedByReason;
    private final Map<RejectionReason, Long> invalidByReason;
    private final Latencies publishCall;
    private final Latencies ack;

    PublisherStats(
            long published,
            long sent,
            long failed,
            Map<DropReason, Long> droppedByReason,
            Map<RejectionReason, Long> invalidByReason,
            Latencies publishCall,
            Latencies ack) {
        this.published = published;
        this.sent = sent;
        this.failed = failed;
        this.droppedByReason = Map.copyOf(droppedByReason);
        this.invalidByReason = Map.copyOf(invalidByReason);
        this.publishCall = publishCall;
        this.ack = ack;
    }

    /** Records given to {@code publish} or {@code publishBatch}. */
    public long published() {
        return published;
    }

    /** Records the cluster acknowledged (acks=all). */
    public long sent() {
        return sent;
    }

    /**
     * Records accepted but not delivered (delivery timeout, refused by the broker, still unsent when {@code close}
     * timed out) and records lost to an unexpected error.
     */
    public long failed() {
        return failed;
    }

    /** Valid records refused at once, by reason; see {@link DropReason}. */
    public Map<DropReason, Long> droppedByReason() {
        return droppedByReason;
    }

    /** Records the core's rules rejected, by reason; never sent. */
    public Map<RejectionReason, Long> invalidByReason() {
        return invalidByReason;
    }

    /** How long each record's publishing took before the call went on to the next or returned. */
    public Latencies publishCall() {
        return publishCall;
    }

    /** From the {@code publish} call to the cluster's acknowledgement, for sent records. */
    public Latencies ack() {
        return ack;
    }

    public long dropped() {
        return droppedByReason.values().stream().mapToLong(Long::longValue).sum();
    }

    public long invalid() {
        return invalidByReason.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Accepted and not yet acknowledged or failed: what sits in the send buffer or on the wire. */
    public long pending() {
        return published - sent - failed - dropped() - invalid();
    }

    /** What happened after {@code earlier} was taken from the same publisher. */
    public PublisherStats since(PublisherStats earlier) {
        return new PublisherStats(
                published - earlier.published,
                sent - earlier.sent,
                failed - earlier.failed,
                minus(droppedByReason, earlier.droppedByReason, DropReason.class),
                minus(invalidByReason, earlier.invalidByReason, RejectionReason.class),
                publishCall.since(earlier.publishCall),
                ack.since(earlier.ack));
    }

    @Override
    public String toString() {
        return "PublisherStats[published=" + published + ", sent=" + sent + ", failed=" + failed + ", dropped="
                + droppedByReason + ", invalid=" + invalidByReason + ", pending=" + pending() + ", publishCall="
                + publishCall + ", ack=" + ack + "]";
    }

    private static <K extends Enum<K>> Map<K, Long> minus(Map<K, Long> now, Map<K, Long> earlier, Class<K> type) {
        Map<K, Long> difference = new EnumMap<>(type);
        now.forEach((key, count) -> {
            long delta = count - earlier.getOrDefault(key, 0L);
            if (delta != 0) {
                difference.put(key, delta);
            }
        });
        return difference;
    }
}
