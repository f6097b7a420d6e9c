package org.sagebionetworks.accessrecords.reconcile;

import java.time.LocalDate;

/**
 * What the archive and the table hold of one record day. Keys are {@code (session_id, timestamp)}, counted once
 * however many lines or rows repeat them.
 *
 * @param archiveValidLines valid lines, retries included
 * @param missing the archive's keys the table lacks
 * @param tableOnly the table's keys the archive lacks
 */
record DayCounts(
        LocalDate day,
        long archiveValidLines,
        long archiveKeys,
        long tableRows,
        long tableKeys,
        long missing,
        long tableOnly) {}
