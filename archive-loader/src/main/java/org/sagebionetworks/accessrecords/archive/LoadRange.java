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
 * <p>A range without {@code to} is open-ended: {@code load-archive --follow} publishes every request time from
 * {@code from} on (before {@code cutover}, if given), as the objects land.
 *
 * @param to      null for an open-ended range (follow mode)
 * @param since   null when there is none; otherwise the start of a gap in the live stream
 * @param cutover null when there is none; otherwise the time the live stream took over
 */
public record LoadRange(LocalDate from, LocalDate to, Instant since, Instant cutover) {

    public LoadRange {
        if (to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("--to " + to + " is before --from " + from);
        }
        if (since != null && cutover != null && !since.isBefore(cutover)) {
            throw new IllegalArgumentException("--since " + since + " is not before --cutover " + cutover);
        }
        if (windowOf(from, to, since, cutover).isEmpty()) {
            throw new IllegalArgumentException("--since " + since + " and --cutover " + cutover + " leave no time of "
                    + from + ".." + (to == null ? "" : to) + " to load");
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

    /** Whether it is open-ended: follow mode. */
    boolean following() {
        return to == null;
    }

    /** The Firehose day folders to read, oldest first: {@code <prefix>/year=YYYY/month=MM/day=DD/}. */
    List<String> dayPrefixes(String prefix) {
        return arrivalFolders(prefix, from.minusDays(1), to.plusDays(1));
    }

    /** The arrival-day folders from {@code first} to {@code last}, both included, oldest first. */
    static List<String> arrivalFolders(String prefix, LocalDate first, LocalDate last) {
        List<String> prefixes = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            prefixes.add(arrivalFolder(prefix, day));
        }
        return prefixes;
    }

    /** The folder Firehose writes a day's arrivals to: {@code <prefix>/year=YYYY/month=MM/day=DD/}. */
    public static String arrivalFolder(String prefix, LocalDate day) {
        String base = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
        return String.format(
                "%s%syear=%04d/month=%02d/day=%02d/",
                base, base.isEmpty() ? "" : "/", day.getYear(), day.getMonthValue(), day.getDayOfMonth());
    }

    /**
     * The request times it publishes. Progress records them per object, so that a later range publishes only what
     * no earlier one did, and consecutive ranges, which read the same boundary folder, each publish their own days.
     */
    RequestWindow window() {
        return windowOf(from, to, since, cutover);
    }

    /** The run as its options name it, in progress records and in messages about what earlier runs loaded. */
    String label() {
        return from + ".." + (to == null ? " --follow" : to) + (since == null ? "" : " --since " + since)
                + (cutover == null ? "" : " --cutover " + cutover);
    }

    long startMillis() {
        return midnight(from);
    }

    private long endMillis() {
        return endOf(to);
    }

    /** Called by the constructor too, before the fields are set. */
    private static RequestWindow windowOf(LocalDate from, LocalDate to, Instant since, Instant cutover) {
        long start = midnight(from);
        long end = endOf(to);
        return new RequestWindow(
                since == null ? start : Math.max(start, since.toEpochMilli()),
                cutover == null ? end : Math.min(end, cutover.toEpochMilli()));
    }

    /** The end of the request times a range publishes; none for an open-ended one. */
    private static long endOf(LocalDate to) {
        return to == null ? RequestWindow.OPEN_END : midnight(to.plusDays(1));
    }

    private static long midnight(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }
}
