package org.sagebionetworks.accessrecords.publisher;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Durations in nanoseconds, counted into log-linear buckets: 16 equal buckets per power of two, so a bucket's upper
 * bound is at most 1/16 (6.25 %) above any value in it. Recording is one array increment, lock-free, so every
 * request thread of the host can record without contention beyond a cache line. Values of about 18 minutes and
 * more share the last bucket.
 */
final class LatencyHistogram {

    static final int SUB_BUCKET_BITS = 4;
    static final int SUB_BUCKETS = 1 << SUB_BUCKET_BITS;
    static final int MAX_EXPONENT = 40;
    static final int BUCKETS = (MAX_EXPONENT - SUB_BUCKET_BITS + 2) * SUB_BUCKETS;

    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);

    void record(long nanos) {
        counts.incrementAndGet(bucketOf(nanos));
    }

    Latencies snapshot() {
        long[] copy = new long[BUCKETS];
        for (int i = 0; i < BUCKETS; i++) {
            copy[i] = counts.get(i);
        }
        return new Latencies(copy);
    }

    static int bucketOf(long nanos) {
        if (nanos < SUB_BUCKETS) {
            return (int) Math.max(0, nanos);
        }
        int exponent = 63 - Long.numberOfLeadingZeros(nanos);
        if (exponent > MAX_EXPONENT) {
            return BUCKETS - 1;
        }
        int subBucket = (int) (nanos >>> (exponent - SUB_BUCKET_BITS)) & (SUB_BUCKETS - 1);
        return (exponent - SUB_BUCKET_BITS + 1) * SUB_BUCKETS + subBucket;
    }

    /** The largest value that falls in {@code bucket}. */
    static long upperBoundOf(int bucket) {
        if (bucket < SUB_BUCKETS) {
            return bucket;
        }
        int shift = bucket / SUB_BUCKETS - 1;
        long lower = (long) (SUB_BUCKETS + bucket % SUB_BUCKETS) << shift;
        return lower + (1L << shift) - 1;
    }
}
