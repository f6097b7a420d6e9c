package org.sagebionetworks.accessrecords.queries.compare;

import static org.sagebionetworks.accessrecords.queries.compare.ComparedColumns.SESSION_ID;
import static org.sagebionetworks.accessrecords.queries.compare.ComparedColumns.TIMESTAMP_MILLIS;
import static org.sagebionetworks.accessrecords.queries.compare.PairedRows.COPY;
import static org.sagebionetworks.accessrecords.queries.compare.PairedRows.ONLY_IN_GLUE;
import static org.sagebionetworks.accessrecords.queries.compare.PairedRows.ONLY_IN_NEW;
import static org.sagebionetworks.accessrecords.queries.compare.PairedRows.ON_BOTH_SIDES;
import static org.sagebionetworks.accessrecords.queries.compare.PairedRows.TABLE;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.sagebionetworks.accessrecords.queries.LocalTable;
import org.sagebionetworks.accessrecords.queries.QueryResult;
import org.sagebionetworks.accessrecords.queries.compare.ComparedColumns.Column;
import org.sagebionetworks.accessrecords.queries.compare.ComparisonReport.ColumnMismatches;
import org.sagebionetworks.accessrecords.queries.compare.ComparisonReport.DayRows;
import org.sagebionetworks.accessrecords.queries.compare.ComparisonReport.KeyedRow;
import org.sagebionetworks.accessrecords.queries.compare.ComparisonReport.OneSide;
import org.sagebionetworks.accessrecords.queries.compare.ComparisonReport.ValueDifference;

/**
 * Compares a copy of the Glue job's table with a copy of the new table over a range of days, in an in-memory
 * DuckDB that spills to a temporary folder of its own when the range outgrows memory. Both sides are read once,
 * into the table of {@link PairedRows}; every figure of the report is a query of that table.
 */
public final class TableComparison implements AutoCloseable {

    private final Connection duckdb;
    private final Path spillFolder;
    private final int examples;

    private TableComparison(Connection duckdb, Path spillFolder, int examples) {
        this.duckdb = duckdb;
        this.spillFolder = spillFolder;
        this.examples = examples;
    }

    /** The report over {@code range}, with up to {@code examples} rows of each kind of difference. */
    public static ComparisonReport compare(TableCopy glue, TableCopy fresh, DayRange range, int examples)
            throws IOException {
        List<Path> glueFiles = glue.requiredFiles(range);
        List<Path> newFiles = fresh.requiredFiles(range);
        try (TableComparison comparison = open(examples)) {
            comparison.execute(PairedRows.create(
                    ComparedColumns.select(glue.scan(glueFiles)), ComparedColumns.select(fresh.scan(newFiles))));
            return comparison.report(glue.describe(range), fresh.describe(range), range);
        } catch (SQLException e) {
            throw new ComparisonInputException("cannot compare the files: " + e.getMessage(), e);
        }
    }

    private static TableComparison open(int examples) throws SQLException, IOException {
        Path spillFolder = Files.createTempDirectory("compare-duckdb-");
        TableComparison comparison =
                new TableComparison(DriverManager.getConnection("jdbc:duckdb:"), spillFolder, examples);
        try {
            comparison.execute("SET temp_directory = " + LocalTable.literal(spillFolder.toString()));
            comparison.execute("SET preserve_insertion_order = false");
            return comparison;
        } catch (SQLException e) {
            comparison.close();
            throw e;
        }
    }

    private ComparisonReport report(String glue, String fresh, DayRange range) throws SQLException {
        Counts counts = counts();
        List<ColumnMismatches> columns = new ArrayList<>();
        for (int i = 0; i < ComparedColumns.COMPARED.size(); i++) {
            Column column = ComparedColumns.COMPARED.get(i);
            long rows = counts.mismatches().get(i);
            columns.add(new ColumnMismatches(
                    column.name(), column.derived(), rows, rows == 0 ? List.of() : differences(column)));
        }
        return new ComparisonReport(
                glue,
                fresh,
                range,
                days(range),
                counts.rowsOnBothSides(),
                oneSide(ONLY_IN_GLUE, PairedRows.glue(ComparedColumns.RECORD_DATE)),
                oneSide(ONLY_IN_NEW, PairedRows.fresh(ComparedColumns.RECORD_DATE)),
                columns);
    }

    /** Rows per day of each side, every day of the range included, sorted by day. */
    private List<DayRows> days(DayRange range) throws SQLException {
        Map<LocalDate, DayRows> days = new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder()));
        range.days().forEach(day -> days.put(day, new DayRows(day, 0, 0)));
        String sql =
                "SELECT day, sum(glue_rows), sum(new_rows) FROM (SELECT " + PairedRows.glue(ComparedColumns.RECORD_DATE)
                        + " AS day, 1 AS glue_rows, 0 AS new_rows FROM " + TABLE + " WHERE " + PairedRows.IN_GLUE
                        + " UNION ALL SELECT " + PairedRows.fresh(ComparedColumns.RECORD_DATE) + ", 0, 1 FROM " + TABLE
                        + " WHERE "
                        + PairedRows.IN_NEW + ") GROUP BY day";
        for (List<Object> row : query(sql)) {
            LocalDate day = (LocalDate) row.get(0);
            days.put(day, new DayRows(day, number(row.get(1)), number(row.get(2))));
        }
        return List.copyOf(days.values());
    }

    private OneSide oneSide(String where, String recordDate) throws SQLException {
        long rows = number(query("SELECT count(*) FROM " + TABLE + " WHERE " + where)
                .get(0)
                .get(0));
        List<KeyedRow> keys = new ArrayList<>();
        for (List<Object> row : query("SELECT " + recordDate + ", " + SESSION_ID + ", " + TIMESTAMP_MILLIS + ", " + COPY
                + " FROM " + TABLE + " WHERE " + where + firstExamples())) {
            keys.add(
                    new KeyedRow((LocalDate) row.get(0), (String) row.get(1), instant(row.get(2)), number(row.get(3))));
        }
        return new OneSide(rows, keys);
    }

    /** The rows on both sides, and the mismatches among them of each compared column, in its order. */
    private record Counts(long rowsOnBothSides, List<Long> mismatches) {}

    private Counts counts() throws SQLException {
        List<Object> counts = query("SELECT count(*), "
                        + ComparedColumns.each(column -> "count(*) FILTER (WHERE " + PairedRows.differs(column) + ")")
                        + " FROM " + TABLE + " WHERE " + ON_BOTH_SIDES)
                .get(0);
        List<Long> mismatches = new ArrayList<>();
        for (int i = 1; i < counts.size(); i++) {
            mismatches.add(number(counts.get(i)));
        }
        return new Counts(number(counts.get(0)), mismatches);
    }

    private List<ValueDifference> differences(Column column) throws SQLException {
        List<ValueDifference> differences = new ArrayList<>();
        for (List<Object> row :
                query("SELECT " + SESSION_ID + ", " + TIMESTAMP_MILLIS + ", CAST(" + PairedRows.glue(column)
                        + " AS VARCHAR), CAST(" + PairedRows.fresh(column) + " AS VARCHAR) FROM " + TABLE + " WHERE "
                        + ON_BOTH_SIDES + " AND " + PairedRows.differs(column) + firstExamples())) {
            differences.add(new ValueDifference(
                    (String) row.get(0), instant(row.get(1)), (String) row.get(2), (String) row.get(3)));
        }
        return differences;
    }

    private String firstExamples() {
        return " ORDER BY " + TIMESTAMP_MILLIS + ", " + SESSION_ID + ", " + COPY + " LIMIT " + examples;
    }

    private List<List<Object>> query(String sql) throws SQLException {
        try (Statement statement = duckdb.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            return QueryResult.read(result).rows();
        }
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = duckdb.createStatement()) {
            statement.execute(sql);
        }
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static Instant instant(Object epochMillis) {
        return epochMillis == null ? null : Instant.ofEpochMilli(((Number) epochMillis).longValue());
    }

    @Override
    public void close() throws SQLException, IOException {
        try {
            duckdb.close();
        } finally {
            try (var files = Files.walk(spillFolder)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }
}
