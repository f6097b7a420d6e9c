package org.sagebionetworks.accessrecords.queries;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** A query's answer: column labels and rows of JDBC values. */
public record QueryResult(List<String> columns, List<List<Object>> rows) {

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
