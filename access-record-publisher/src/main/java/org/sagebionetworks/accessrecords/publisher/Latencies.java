package org.sagebionetworks.accessrecords.publisher;

import java.time.Duration;

/**
 * An immutable copy of a latency histogram. Percentiles are the upper bound of the bucket holding them: at most
 * 6.25 % above the true value, never below it. {@link #since(Latencies)} gives the latencies of an interval, for
 * hosts that report every minute.
 */
public final class Latencies {

    private final long[] counts;
    private final long count;

    Latencies(long[] counts) {
        this.counts = counts;
        long total = 0;
        for (long bucket : counts) {
            total += bucket;
        }
        this.count = total;
    }

    /** How many durations were recorded. */
    public long count() {
        return count;
    }

    public Duration p50() {
        return percentile(50);
    }

    public Duration p99() {
        return percentile(99);
    }

    /** The largest recorded duration (its bucket's upper bound); zero when nothing was recorded. */
    public Duration max() {
        for (int bucket = counts.length - 1; bucket >= 0; bucket--) {
            if (counts[bucket] > 0) {
                return Duration.ofNanos(LatencyHistogram.upperBoundOf(bucket));
            }
        }
        return Duration.ZERO;
    }

    /** The duration that {@code percent} % of the recorded ones do not exceed; zero when nothing was recorded. */
    public Duration percentile(double percent) {
        if (percent <= 0 || percent > 100) {
            throw new IllegalArgumentException("percent must be in (0, 100], was " + percent);
        }
        long rank = (long) Math.ceil(count * percent / 100);
        long seen = 0;
        for (int bucket = 0; bucket < counts.length; bucket++) {
            seen += counts[bucket];
            if (seen >= rank && seen > 0) {
                return Duration.ofNanos(LatencyHistogram.upperBoundOf(bucket));
            }
        }
        return Duration.ZERO;
    }

    /** The durations recorded after {@code earlier} was taken from the same histogram. */
    public Latencies since(Latencies earlier) {
        long[] difference = new long[counts.length];
        for (int bucket = 0; bucket < counts.length; bucket++) {
            difference[bucket] = counts[bucket] - earlier.counts[bucket];
        }
        return new Latencies(difference);
    }

    @Override
    public String toString() {
        return "{count=" + count + ", p50=" + p50() + ", p99=" + p99() + ", max=" + max() + "}";
    }
}
