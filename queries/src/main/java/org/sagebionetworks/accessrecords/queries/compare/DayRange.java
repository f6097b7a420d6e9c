package org.sagebionetworks.accessrecords.queries.compare;

import java.time.LocalDate;
import java.util.List;

/** UTC days from {@code first} to {@code last}, both included, as {@code load-archive} counts them. */
public record DayRange(LocalDate first, LocalDate last) {

    public DayRange {
        if (first.isAfter(last)) {
            throw new ComparisonInputException("--from " + first + " is after --to " + last);
        }
    }

    public List<LocalDate> days() {
        return first.datesUntil(last.plusDays(1)).toList();
    }

    @Override
    public String toString() {
        return first + " to " + last;
    }
}
