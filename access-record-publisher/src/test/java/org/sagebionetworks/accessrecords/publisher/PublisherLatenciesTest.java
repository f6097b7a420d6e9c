package org.sagebionetworks.accessrecords.publisher;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PublisherLatenciesTest {

    @Test
    void bucketsCoverEveryValueContiguouslyAndBoundItFromAboveWithinOneSixteenth() {
        long previousUpper = -1;
        for (int bucket = 0; bucket < LatencyHistogram.BUCKETS; bucket++) {
            long upper = LatencyHistogram.upperBoundOf(bucket);
            assertThat(LatencyHistogram.bucketOf(previousUpper + 1))
                    .as("first value of bucket %d", bucket)
                    .isEqualTo(bucket);
            assertThat(LatencyHistogram.bucketOf(upper))
                    .as("last value of bucket %d", bucket)
                    .isEqualTo(bucket);
            assertThat(upper - (previousUpper + 1)).isLessThanOrEqualTo(Math.max(0, (previousUpper + 1) / 16));
            previousUpper = upper;
        }
        assertThat(LatencyHistogram.bucketOf(Long.MAX_VALUE)).isEqualTo(LatencyHistogram.BUCKETS - 1);
        assertThat(LatencyHistogram.bucketOf(-5)).isZero();
    }

    @Test
    void percentilesOfAKnownDistributionAreWithinTheBucketError() {
        LatencyHistogram histogram = new LatencyHistogram();
        for (int micros = 1; micros <= 10_000; micros++) {
            histogram.record(micros * 1_000L);
        }

        Latencies latencies = histogram.snapshot();

        assertThat(latencies.count()).isEqualTo(10_000);
        assertWithinBucketError(latencies.p50(), Duration.ofMillis(5));
        assertWithinBucketError(latencies.p99(), Duration.ofNanos(9_900_000));
        assertWithinBucketError(latencies.max(), Duration.ofMillis(10));
    }

    @Test
    void sinceKeepsOnlyWhatWasRecordedAfterTheEarlierSnapshot() {
        LatencyHistogram histogram = new LatencyHistogram();
        for (int i = 0; i < 1_000; i++) {
            histogram.record(Duration.ofSeconds(1).toNanos());
        }
        Latencies earlier = histogram.snapshot();
        for (int i = 0; i < 10; i++) {
            histogram.record(Duration.ofMillis(2).toNanos());
        }

        Latencies interval = histogram.snapshot().since(earlier);

        assertThat(interval.count()).isEqualTo(10);
        assertWithinBucketError(interval.p99(), Duration.ofMillis(2));
    }

    @Test
    void anEmptyHistogramReportsZero() {
        Latencies empty = new LatencyHistogram().snapshot();

        assertThat(empty.count()).isZero();
        assertThat(empty.p99()).isEqualTo(Duration.ZERO);
        assertThat(empty.max()).isEqualTo(Duration.ZERO);
    }

    private static void assertWithinBucketError(Duration reported, Duration truth) {
        assertThat(reported).isBetween(truth, Duration.ofNanos(truth.toNanos() + truth.toNanos() / 16));
    }
}
