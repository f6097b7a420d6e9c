package org.sagebionetworks.accessrecords.reconcile;

import java.util.List;
import java.util.function.ToLongFunction;

/**
 * A whole run's answer: each day, the gaps to fill, and the lines that have no record day.
 *
 * @param deadLettersWithoutTime dead letters whose value has no record time (not JSON, no numeric timestamp)
 * @param archiveInvalidWithoutTime the archive's invalid lines without one
 */
record Reconciliation(
        RecordDays days,
        boolean strict,
        List<DayResult> results,
        List<Gap> gaps,
        long deadLettersWithoutTime,
        long archiveInvalidWithoutTime) {

    boolean agrees() {
        return disagreeingDays() == 0;
    }

    long disagreeingDays() {
        return results.stream().filter(day -> !day.agrees(strict)).count();
    }

    long missingKeys() {
        return sum(day -> day.counts().missing());
    }

    long tableOnlyKeys() {
        return sum(day -> day.counts().tableOnly());
    }

    long deadLetters() {
        return sum(DayResult::deadLetters);
    }

    private long sum(ToLongFunction<DayResult> count) {
        return results.stream().mapToLong(count).sum();
    }
}
