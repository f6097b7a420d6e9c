package org.sagebionetworks.accessrecords.reconcile;

import java.time.LocalDate;

/**
 * One record day reconciled. It agrees when the table holds every key of the archive's valid records; keys only
 * the table holds are records only the publisher delivered (Firehose lost or has not yet filed them), allowed
 * unless {@code strict}, e.g. while the table is fed from the archive alone.
 *
 * @param archiveInvalidLines the archive's invalid lines whose record time is of this day
 * @param deadLetters the dead letters read whose record time is of this day
 */
record DayResult(DayCounts counts, long archiveInvalidLines, long deadLetters) {

    LocalDate day() {
        return counts.day();
    }

    boolean agrees(boolean strict) {
        return counts.missing() == 0 && (!strict || counts.tableOnly() == 0);
    }
}
