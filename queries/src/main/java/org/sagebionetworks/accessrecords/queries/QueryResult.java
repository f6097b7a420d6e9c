package org.sagebionetworks.accessrecords.queries;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** A query's answer: column labels and rows of JDBC values. */
public record QueryResult(List<String> columns, List<List<Object>> rows) {

    /** Reads a whole answer: its column labels and every row, as JDBC gives the values. */
    public static QueryResult read(ResultSet result) throws SQLException {
        ResultSetMetaData meta = result.getMetaData();
        List<String> columns = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            columns.add(meta.getColumnLabel(i));
        }
        List<List<Object>> rows = new ArrayList<>();
        while (result.next()) {
            List<Object> row = new ArrayList<>(columns.size());
            for (int i = 1; i <= columns.size(); i++) {
                row.add(result.getObject(i));
            }
            rows.add(row);
        }
        return new QueryResult(columns, rows);
    }

    /**
     * A value as people read it and as tests compare it: instants in ISO-8601 UTC, dates as {@code YYYY-MM-DD},
     * numbers without a trailing {@code .0}, null as null.
     */
    public static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime moment) {
            return moment.toInstant().toString();
        }
        if (value instanceof Timestamp moment) {
            return moment.toInstant().toString();
        }
        if (value instanceof java.sql.Date day) {
            return day.toLocalDate().toString();
        }
        if (value instanceof LocalDate day) {
            return day.toString();
        }
        if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            return number == Math.rint(number) && !Double.isInfinite(number)
                    ? Long.toString((long) number)
                    : Double.toString(number);
        }
        return value.toString();
    }

    /** Every row with its values as {@link #text(Object)}. */
    public List<List<String>> textRows() {
        return rows.stream()
                .map(row -> row.stream().map(QueryResult::text).toList())
                .toList();
    }
}
