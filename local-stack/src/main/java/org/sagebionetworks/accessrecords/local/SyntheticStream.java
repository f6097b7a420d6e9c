package org.sagebionetworks.accessrecords.local;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.SplittableRandom;
import org.sagebionetworks.accessrecords.testing.SyntheticTraffic;

/**
 * Synapse-like raw lines for the local stack, from the generator the tests and benchmarks use, plus what real
 * input holds besides: about one record in fifty sent again a few records later (a producer retry, which dedup
 * must drop) and one line in two hundred broken (which the dead-letter topic must get). A tenth of a bounded
 * stream is a day of August 2023 history, the month the fixed-date dashboards ask about; the rest spans the last
 * days.
 */
final class SyntheticStream implements Iterator<String> {

    private static final Instant HISTORY_START = Instant.parse("2023-08-15T00:00:00Z");
    private static final Duration HISTORY_SPAN = Duration.ofDays(1);
    private static final String[] BROKEN = {
        "{\"stack\":\"prod\",\"payload\":{\"sessionId\":\"cut-off-by-a-crash\",\"timestamp\":17",
        "{\"payload\":{\"timestamp\":1700000000123,\"method\":\"GET\",\"requestURL\":\"/repo/v1/version\"}}",
        "{\"payload\":{\"sessionId\":\"s-seconds\",\"timestamp\":1700000000,\"method\":\"GET\",\"requestURL\":\"/\"}}"
    };

    private final SplittableRandom random = new SplittableRandom(20231114L);
    private final Deque<String> retries = new ArrayDeque<>();
    private final SyntheticTraffic history;
    private final SyntheticTraffic recent;
    private final long limit;
    private final long historyRecords;
    private long produced;

    private SyntheticStream(SyntheticTraffic history, SyntheticTraffic recent, long limit, long historyRecords) {
        this.history = history;
        this.recent = recent;
        this.limit = limit;
        this.historyRecords = historyRecords;
    }

    /** {@code records} lines: a tenth in August 2023, the rest spread over the {@code days} before now. */
    static SyntheticStream bounded(long records, int days, Instant now) {
        long historyRecords = records / 10;
        long recentRecords = Math.max(1, records - historyRecords);
        SyntheticTraffic history = new SyntheticTraffic(
                1L, HISTORY_START.toEpochMilli(), HISTORY_SPAN.toMillis() / Math.max(1, historyRecords));
        Instant start = now.minus(Duration.ofDays(days));
        SyntheticTraffic recent = new SyntheticTraffic(
                2L, start.toEpochMilli(), Duration.ofDays(days).toMillis() / recentRecords);
        return new SyntheticStream(history, recent, records, historyRecords);
    }

    /** Live traffic without end: record times follow the clock at {@code ratePerSecond}. */
    static SyntheticStream live(double ratePerSecond, Instant now) {
        SyntheticTraffic live =
                new SyntheticTraffic(3L, now.toEpochMilli(), Math.max(1, Math.round(1000 / ratePerSecond)));
        return new SyntheticStream(live, live, Long.MAX_VALUE, 0);
    }

    @Override
    public boolean hasNext() {
        return produced < limit;
    }

    @Override
    public String next() {
        produced++;
        if (random.nextInt(200) == 0) {
            return BROKEN[random.nextInt(BROKEN.length)];
        }
        if (retries.size() > 3 || (!retries.isEmpty() && random.nextInt(4) == 0)) {
            return retries.poll();
        }
        boolean historic = produced <= historyRecords;
        String line = historic ? history.next() : recent.next();
        // A retry of history sent after newer records would fall behind the dedup horizon and count as late.
        if (!historic && random.nextInt(50) == 0) {
            retries.add(line);
        }
        return line;
    }
}
