package org.sagebionetworks.accessrecords.publisher;

import java.util.EnumMap;
import java.util.Map;
import org.sagebionetworks.accessrecords.core.validation.RejectionReason;

/**
 * The publisher's counters and latencies at one moment, counted since it was created. Every published record ends
 * in exactly one of sent, failed, dropped or invalid; until then it is pending. Hosts that report per interval
 * subtract an earlier snapshot with {@link #since(PublisherStats)}.
 *
 * @param published      calls to {@code publish}
 * @param sent           records the cluster acknowledged (acks=all)
 * @param failed         records accepted but not delivered (delivery timeout, refused by the broker, still unsent
 *                       when {@code close} timed out) and records lost to an unexpected error
 * @param droppedByReason valid records refused at once, by reason; see {@link DropReason}
 * @param invalidByReason records the core's rules rejected, by reason; never sent
 * @param publishCall    how long {@code publish} took to return to its caller
 * @param ack            from the {@code publish} call to the cluster's acknowledgement, for sent records
 */
public record PublisherStats(
        long published,
        long sent,
        long failed,
        Map<DropReason, Long> droppedByReason,
        Map<RejectionReason, Long> invalidByReason,
        Latencies publishCall,
        Latencies ack) {

    public PublisherStats {
        droppedByReason = Map.copyOf(droppedByReason);
        invalidByReason = Map.copyOf(invalidByReason);
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
