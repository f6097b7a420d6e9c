package org.sagebionetworks.accessrecords.publisher;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.sagebionetworks.accessrecords.core.validation.RejectionReason;

/**
 * Where the publisher counts, from many request threads and the producer's I/O thread at once. LongAdders and the
 * lock-free histograms keep that cheap; {@link #snapshot()} turns them into a {@link PublisherStats}.
 */
final class PublisherMetrics {

    private final LongAdder published = new LongAdder();
    private final LongAdder sent = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final Map<DropReason, LongAdder> dropped = adders(DropReason.class);
    private final Map<RejectionReason, LongAdder> invalid = adders(RejectionReason.class);
    private final LatencyHistogram publishCall = new LatencyHistogram();
    private final LatencyHistogram ack = new LatencyHistogram();

    void published() {
        published.increment();
    }

    void sent(long nanosSincePublish) {
        sent.increment();
        ack.record(nanosSincePublish);
    }

    void failed() {
        failed.increment();
    }

    void dropped(DropReason reason) {
        dropped.get(reason).increment();
    }

    void invalid(RejectionReason reason) {
        invalid.get(reason).increment();
    }

    void publishReturned(long nanosSincePublish) {
        publishCall.record(nanosSincePublish);
    }

    PublisherStats snapshot() {
        // Outcomes first, the publish count last: a record is counted as published before its outcome, so
        // reading in this order never shows more outcomes than publications.
        long sentNow = sent.sum();
        long failedNow = failed.sum();
        Map<DropReason, Long> droppedNow = sums(dropped, DropReason.class);
        Map<RejectionReason, Long> invalidNow = sums(invalid, RejectionReason.class);
        Latencies ackNow = ack.snapshot();
        Latencies publishCallNow = publishCall.snapshot();
        return new PublisherStats(published.sum(), sentNow, failedNow, droppedNow, invalidNow, publishCallNow, ackNow);
    }

    private static <K extends Enum<K>> Map<K, LongAdder> adders(Class<K> type) {
        Map<K, LongAdder> adders = new EnumMap<>(type);
        for (K key : type.getEnumConstants()) {
            adders.put(key, new LongAdder());
        }
        return adders;
    }

    private static <K extends Enum<K>> Map<K, Long> sums(Map<K, LongAdder> adders, Class<K> type) {
        Map<K, Long> sums = new EnumMap<>(type);
        adders.forEach((key, adder) -> {
            long sum = adder.sum();
            if (sum > 0) {
                sums.put(key, sum);
            }
        });
        return sums;
    }
}
