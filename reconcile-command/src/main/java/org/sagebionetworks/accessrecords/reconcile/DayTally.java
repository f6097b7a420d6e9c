package org.sagebionetworks.accessrecords.reconcile;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/** Lines counted by record day, and those without a record time apart (invalid lines, dead letters). */
final class DayTally {

    private final Map<LocalDate, Long> byDay = new TreeMap<>();
    private long withoutTime;

    void count(LocalDate day) {
        byDay.merge(day, 1L, Long::sum);
    }

    void countWithoutTime() {
        withoutTime++;
    }

    long on(LocalDate day) {
        return byDay.getOrDefault(day, 0L);
    }

    long withoutTime() {
        return withoutTime;
    }
}
