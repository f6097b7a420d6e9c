package org.sagebionetworks.accessrecords.benchmarks;

import java.time.Duration;

/**
 * Event times for N loaded records spread evenly over a span, so that a run can put exactly one dedup horizon of
 * keys (24 h by default) in the service's stores: record i is stamped {@code start + i * span / N}, the first at the
 * start and the last one step before its end, so every record lies within one span of every other.
 */
final class EventTimeSpread {

    private final long startMillis;
    private final long spanMillis;
    private final int records;

    EventTimeSpread(long startMillis, Duration span, int records) {
        if (span.isNegative() || span.isZero() || records <= 0) {
            throw new IllegalArgumentException(
                    "give a positive span and number of records, not " + span + " and " + records);
        }
        this.startMillis = startMillis;
        this.spanMillis = span.toMillis();
        this.records = records;
    }

    /** The event time of the record at {@code index} (0-based). */
    long millisAt(int index) {
        return startMillis + index * spanMillis / records;
    }

    /** The mean gap between two records, in milliseconds, for the harness's header. */
    double stepMillis() {
        return spanMillis / (double) records;
    }
}
