package org.sagebionetworks.accessrecords.queries.compare;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What a comparison of the Glue job's table with the new table found over a range of days.
 *
 * @param glue the Glue job's table, as compared
 * @param fresh the new table, as compared
 * @param range the days compared
 * @param days rows per {@code record_date} on each side: every day of the range, and any other day a row gave
 * @param rowsOnBothSides rows whose key the two sides share, whose values {@code columns} compares
 * @param onlyInGlue rows of the Glue job's table the new table does not have
 * @param onlyInNew rows of the new table the Glue job's table does not have
 * @param columns every compared column, in the contract's order, with the rows whose values differ
 */
public record ComparisonReport(
        String glue,
        String fresh,
        DayRange range,
        List<DayRows> days,
        long rowsOnBothSides,
        OneSide onlyInGlue,
        OneSide onlyInNew,
        List<ColumnMismatches> columns) {

    public boolean equal() {
        return onlyInGlue.rows() == 0
                && onlyInNew.rows() == 0
                && columns.stream().allMatch(column -> column.rows() == 0);
    }

    public long mismatchedValues() {
        return columns.stream().mapToLong(ColumnMismatches::rows).sum();
    }

    /** A day's rows on each side; {@code day} is null for rows without a {@code record_date}. */
    public record DayRows(LocalDate day, long glueRows, long newRows) {}

    /**
     * A row by its key. A key the table holds more than once (a producer retry the Glue job kept) has copies 1, 2,
     * ...; copies are matched in order, so a second copy on one side only is a row on that side only.
     */
    public record KeyedRow(LocalDate recordDate, String sessionId, Instant timestamp, long copy) {}

    /** Rows on one side only: how many, and the first few by timestamp. */
    public record OneSide(long rows, List<KeyedRow> examples) {}

    /** One row whose value of a column differs: its key and both values as text (null when null). */
    public record ValueDifference(String sessionId, Instant timestamp, String glue, String fresh) {}

    /** A column, whether the Glue job derives it (or copies it), the rows where it differs, and the first few. */
    public record ColumnMismatches(String column, boolean derived, long rows, List<ValueDifference> examples) {}
}
