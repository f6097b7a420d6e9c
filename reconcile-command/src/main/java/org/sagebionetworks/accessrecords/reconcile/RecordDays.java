package org.sagebionetworks.accessrecords.reconcile;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The record days reconciled, {@code from..to} (UTC days of {@code payload.timestamp}), and the Firehose arrival
 * days that can hold their records: one more at each end, as load-archive reads, since Firehose files a record
 * under the day it arrived, seconds to minutes after the request.
 */
record RecordDays(LocalDate from, LocalDate to) {

    RecordDays {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("--to " + to + " is before --from " + from);
        }
    }

    List<LocalDate> days() {
        return from.datesUntil(to.plusDays(1)).toList();
    }

    List<LocalDate> arrivalDays() {
        return from.minusDays(1).datesUntil(to.plusDays(2)).toList();
    }

    boolean contains(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(to);
    }

    static LocalDate dayOf(long epochMillis) {
        return LocalDate.ofEpochDay(Math.floorDiv(epochMillis, 86_400_000L));
    }

    /** The default start of the dead letters read: no letter of a record of these days is older than its day. */
    java.time.Instant dayBeforeStart() {
        return from.minusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
