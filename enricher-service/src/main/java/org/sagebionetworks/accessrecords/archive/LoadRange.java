package org.sagebionetworks.accessrecords.archive;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.sagebionetworks.accessrecords.archive.Tally.Fate;

/**
 * Which records a load publishes: those whose request time ({@code payload.timestamp}) lies in the UTC days
 * {@code from..to}, and in {@code [since, cutover)} where those are given. Firehose files a record under its
 * arrival day, which lags the request, so one extra arrival day is read at each end; the records found there
 * outside the days are skipped and counted, not published. That way consecutive ranges (November, then December)
 * publish each record exactly once, although both read the folder of December 1st. {@code since} and
 * {@code cutover} leave to the live stream what it delivered: before a gap, and from the time it took over.
 *
 * @param since   null when there is none; otherwise the start of a gap in the live stream
 * @param cutover null when there is none; otherwise the time the live stream took over
 */
record LoadRange(LocalDate from, LocalDate to, Instant since, Instant cutover) {

    LoadRange {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("--to " + to + " is before --from " + from);
        }
        if (since != null && cutover != null && !since.isBefore(cutover)) {
            throw new IllegalArgumentException("--since " + since + " is not before --cutover " + cutover);
        }
    }

    /** What becomes of a valid record, by its request time: published, or which rule skips it. */
    Fate judge(long requestMillis) {
        if (requestMillis < startMillis() || requestMillis >= endMillis()) {
            return Fate.OUTSIDE_RANGE;
        }
        if (since != null && requestMillis < since.toEpochMilli()) {
            return Fate.BEFORE_SINCE;
        }
        return cutover != null && requestMillis >= cutover.toEpochMilli() ? Fate.AFTER_CUTOVER : Fate.PUBLISHED;
    }

    /** The Firehose day folders to read, oldest first: {@code <prefix>/year=YYYY/month=MM/day=DD/}. */
    List<String> dayPrefixes(String prefix) {
        String base = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
        List<String> prefixes = new ArrayList<>();
        for (LocalDate day = from.minusDays(1); !day.isAfter(to.plusDays(1)); day = day.plusDays(1)) {
            prefixes.add(String.format("%s%syear=%04d/month=%02d/day=%02d/", base, base.isEmpty() ? "" : "/",
                    day.getYear(), day.getMonthValue(), day.getDayOfMonth()));
        }
        return prefixes;
    }

    /** Names the range in progress keys: a re-run of the same range skips what it finished, another range does not. */
    String id() {
        return from + ".." + to;
    }

    long startMillis() {
        return from.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    private long endMillis() {
        return to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }
}
