package org.sagebionetworks.accessrecords.archive;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;

/**
 * Request times from {@code start} included to {@code end} excluded, in epoch milliseconds: the records one load
 * publishes from the archive (its days, narrowed by --since and --cutover).
 */
record RequestWindow(long start, long end) {

    /** The end of an open-ended window (load-archive --follow): no request time reaches it. */
    static final long OPEN_END = Long.MAX_VALUE;

    private static final long DAY_MILLIS = 86_400_000L;

    boolean contains(long requestMillis) {
        return requestMillis >= start && requestMillis < end;
    }

    boolean isEmpty() {
        return end <= start;
    }

    RequestWindow intersection(RequestWindow other) {
        return new RequestWindow(Math.max(start, other.start), Math.min(end, other.end));
    }

    boolean overlaps(RequestWindow other) {
        return !intersection(other).isEmpty();
    }

    /** Whether {@code windows} together hold every request time of this one. */
    boolean coveredBy(List<RequestWindow> windows) {
        long reached = start;
        for (RequestWindow window : windows.stream()
                .sorted(Comparator.comparingLong(RequestWindow::start))
                .toList()) {
            if (reached >= end || window.start > reached) {
                break;
            }
            reached = Math.max(reached, window.end);
        }
        return reached >= end;
    }

    /**
     * {@code 2023-11-03..2023-11-04} (days, both included) when it starts and ends at midnight UTC; else instants;
     * {@code 2023-11-03..} when it is open-ended.
     */
    @Override
    public String toString() {
        if (end == OPEN_END) {
            return (start % DAY_MILLIS == 0
                            ? day(start).toString()
                            : Instant.ofEpochMilli(start).toString()) + "..";
        }
        if (start % DAY_MILLIS == 0 && end % DAY_MILLIS == 0) {
            return day(start) + ".." + day(end - DAY_MILLIS);
        }
        return Instant.ofEpochMilli(start) + ".." + Instant.ofEpochMilli(end) + " (end excluded)";
    }

    private static LocalDate day(long millis) {
        return LocalDate.ofInstant(Instant.ofEpochMilli(millis), ZoneOffset.UTC);
    }
}
