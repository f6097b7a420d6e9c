package org.sagebionetworks.accessrecords.archive;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

/**
 * How {@code load-archive --follow} watches the archive: it lists the arrival-day folders every {@code pollInterval}.
 * Firehose names an object by the arrival time of its oldest record and may write it late (its buffer time, then
 * retries for up to 24 hours), so each poll lists today's folder and those of the {@code lookbackDays} days before.
 *
 * @param pollInterval time between two listings
 * @param lookbackDays how many days before today each poll lists too
 */
public record FollowSettings(Duration pollInterval, int lookbackDays) {

    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMinutes(1);
    public static final int DEFAULT_LOOKBACK_DAYS = 2;

    public FollowSettings {
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("--poll-interval " + pollInterval + " must be positive");
        }
        if (lookbackDays < 0) {
            throw new IllegalArgumentException("--lookback-days " + lookbackDays + " must be 0 or more");
        }
    }

    /**
     * The folders of one poll, oldest first: today's and the look-back days', never before the range's first
     * arrival day (the day before {@code --from}).
     */
    List<String> pollFolders(String prefix, LoadRange range, LocalDate today) {
        LocalDate first = today.minusDays(lookbackDays);
        LocalDate rangeStart = range.from().minusDays(1);
        return LoadRange.arrivalFolders(prefix, first.isBefore(rangeStart) ? rangeStart : first, today);
    }

    /**
     * The folders of the first poll after a start: every arrival day from the range's first to today, so that what
     * landed while no follower ran, however long, is loaded too.
     */
    List<String> catchUpFolders(String prefix, LoadRange range, LocalDate today) {
        return LoadRange.arrivalFolders(prefix, range.from().minusDays(1), today);
    }
}
