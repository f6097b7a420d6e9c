package org.sagebionetworks.accessrecords.queries.compare;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sagebionetworks.accessrecords.queries.QueryResult;
import org.sagebionetworks.accessrecords.queries.ResultFormat;
import org.sagebionetworks.accessrecords.queries.compare.ComparisonReport.ColumnMismatches;
import org.sagebionetworks.accessrecords.queries.compare.ComparisonReport.DayRows;
import org.sagebionetworks.accessrecords.queries.compare.ComparisonReport.KeyedRow;
import org.sagebionetworks.accessrecords.queries.compare.ComparisonReport.OneSide;
import org.sagebionetworks.accessrecords.queries.compare.ComparisonReport.ValueDifference;

/**
 * A comparison as text for people: what was compared, rows per day, rows on one side only, mismatches per column
 * with examples of each, and a last line that starts with EQUAL or DIFFERENT. Tables are the {@code query}
 * command's, so values print as it prints them (null as null, control characters escaped).
 */
final class ReadableReport {

    private static final String ONLY_IN_GLUE = "only in the Glue job's table";
    private static final String ONLY_IN_NEW = "only in the new table";

    private ReadableReport() {}

    static String render(ComparisonReport report) {
        StringBuilder out = new StringBuilder();
        out.append("Glue job's table  ").append(report.glue()).append('\n');
        out.append("New table         ").append(report.fresh()).append('\n');
        out.append("Days              ").append(report.range()).append(" (UTC, by record_date)\n\n");
        out.append("Rows per day\n").append(days(report)).append('\n');
        out.append(oneSide(report)).append('\n');
        out.append(columns(report));
        report.columns().stream()
                .filter(column -> column.rows() > 0)
                .forEach(column -> out.append('\n').append(differences(column)));
        return out.append('\n').append(verdict(report)).append('\n').toString();
    }

    private static String days(ComparisonReport report) {
        List<List<Object>> rows = new ArrayList<>();
        for (DayRows day : report.days()) {
            rows.add(Arrays.asList(day.day(), day.glueRows(), day.newRows(), day.newRows() - day.glueRows()));
        }
        return table(List.of("record_date", "glue_rows", "new_rows", "difference"), rows);
    }

    private static String oneSide(ComparisonReport report) {
        String heading = "Rows on one side only, by (session_id, timestamp): "
                + report.onlyInGlue().rows() + " " + ONLY_IN_GLUE + ", "
                + report.onlyInNew().rows() + " " + ONLY_IN_NEW + "\n";
        if (report.onlyInGlue().rows() + report.onlyInNew().rows() == 0) {
            return heading;
        }
        List<List<Object>> rows = new ArrayList<>();
        addKeys(rows, ONLY_IN_GLUE, report.onlyInGlue());
        addKeys(rows, ONLY_IN_NEW, report.onlyInNew());
        return heading + "(the first of each, by timestamp; copy 2 is a second row with the same key)\n"
                + table(List.of("side", "record_date", "session_id", "timestamp", "copy"), rows);
    }

    private static void addKeys(List<List<Object>> rows, String side, OneSide rowsOfSide) {
        for (KeyedRow key : rowsOfSide.examples()) {
            rows.add(Arrays.asList(side, key.recordDate(), key.sessionId(), key.timestamp(), key.copy()));
        }
    }

    private static String columns(ComparisonReport report) {
        List<List<Object>> rows = new ArrayList<>();
        for (ColumnMismatches column : report.columns()) {
            rows.add(List.of(column.column(), column.derived() ? "derived" : "copied", column.rows()));
        }
        return "Mismatches per column, over the " + report.rowsOnBothSides() + " rows on both sides\n"
                + table(List.of("column", "kind", "mismatches"), rows);
    }

    private static String differences(ColumnMismatches column) {
        List<List<Object>> rows = new ArrayList<>();
        for (ValueDifference difference : column.examples()) {
            rows.add(Arrays.asList(
                    difference.sessionId(), difference.timestamp(), difference.glue(), difference.fresh()));
        }
        return column.column() + ": " + counted(column.rows(), "row differs", "rows differ")
                + " (the first, by timestamp)\n" + table(List.of("session_id", "timestamp", "glue", "new"), rows);
    }

    private static String verdict(ComparisonReport report) {
        if (report.equal()) {
            return "EQUAL: " + report.rowsOnBothSides() + " rows on both sides, every compared value the same.";
        }
        long oneSide = report.onlyInGlue().rows() + report.onlyInNew().rows();
        return "DIFFERENT: " + counted(oneSide, "row", "rows") + " on one side only, "
                + counted(report.mismatchedValues(), "value differs", "values differ")
                + " in the rows on both sides.";
    }

    private static String counted(long count, String one, String many) {
        return count + " " + (count == 1 ? one : many);
    }

    private static String table(List<String> columns, List<List<Object>> rows) {
        return ResultFormat.TABLE.render(new QueryResult(columns, rows));
    }
}
