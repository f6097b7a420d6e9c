package org.sagebionetworks.accessrecords.queries.compare;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.sagebionetworks.accessrecords.schema.AccessRecordContract;

/**
 * The rows of the first switch's gap (docs/serving.md, "The first switch"): those with a record time before the
 * cutover that the new table holds and the Glue job's table does not, by {@code (session_id, timestamp)}. The Glue
 * job's last run started before the cutover and never saw the records delivered after it; the new table has them.
 * Each key comes out once, even where the new table held it twice, so that the gap fill adds no row twice.
 */
public final class GapFill {

    /** Where the rows go, in the order of {@code record_date}, then time and session id. */
    public interface Output {
        void write(LocalDate recordDate, GenericRecord row) throws IOException;
    }

    private static final String KEY = "session_key";
    private static final String MILLIS = "ts_key";

    private GapFill() {}

    /** Writes the gap's rows of {@code range} before {@code before}, a UTC midnight, to {@code output}. */
    public static void select(TableCopy glue, TableCopy fresh, DayRange range, Instant before, Output output)
            throws IOException {
        requireMidnight(before);
        String sql = gapRows(glue.scan(glue.requiredFiles(range)), fresh.scan(fresh.requiredFiles(range)), before);
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = duckdb.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            Schema contract = AccessRecordContract.processed();
            while (rows.next()) {
                GenericRecord row = record(contract, rows);
                output.write(
                        LocalDate.ofEpochDay(((Number) row.get(ComparedColumns.RECORD_DATE.name())).longValue()), row);
            }
        } catch (SQLException e) {
            throw new ComparisonInputException("cannot read the files for the gap fill: " + e.getMessage(), e);
        }
    }

    /** A cut at any other instant would split a record_date between the Glue job's files and ours. */
    private static void requireMidnight(Instant before) {
        if (!before.atOffset(ZoneOffset.UTC).toLocalTime().equals(LocalTime.MIDNIGHT)) {
            throw new ComparisonInputException(
                    "--before " + before + " is not a UTC midnight: the cutover T is one (docs/cutover.md)");
        }
    }

    /** The new table's rows before the cutover whose key the Glue job's table lacks, one per key. */
    private static String gapRows(String glueScan, String newScan, Instant before) {
        return "WITH glue AS (SELECT DISTINCT CAST(session_id AS VARCHAR) AS " + KEY + ", epoch_ms(\"timestamp\") AS "
                + MILLIS + " FROM " + glueScan + "), fresh AS (SELECT " + contractColumns() + ", CAST(session_id AS"
                + " VARCHAR) AS " + KEY + ", epoch_ms(\"timestamp\") AS " + MILLIS + " FROM " + newScan + " WHERE"
                + " epoch_ms(\"timestamp\") < " + before.toEpochMilli() + "), gap AS (SELECT DISTINCT ON (" + KEY
                + ", " + MILLIS + ") * FROM fresh ANTI JOIN glue USING (" + KEY + ", " + MILLIS + ") ORDER BY " + KEY
                + ", " + MILLIS + ", " + columnNames() + ") SELECT " + columnNames() + " FROM gap ORDER BY"
                + " \"record_date\", " + MILLIS + ", " + KEY;
    }

    /** Each contract column as the Avro record takes it: epoch millis, epoch days, or the value in its type. */
    private static String contractColumns() {
        return fields().stream()
                .map(field -> readAs(field) + " AS \"" + field.name() + "\"")
                .collect(Collectors.joining(", "));
    }

    /** The contract's columns in its order; as the order of a key's copies, it makes a run pick the same one. */
    private static String columnNames() {
        return fields().stream().map(field -> "\"" + field.name() + "\"").collect(Collectors.joining(", "));
    }

    private static String readAs(Schema.Field field) {
        String column = "\"" + field.name() + "\"";
        Schema type = AccessRecordContract.nonNull(field);
        if (type.getLogicalType() instanceof LogicalTypes.TimestampMillis) {
            return "epoch_ms(" + column + ")";
        }
        if (type.getLogicalType() instanceof LogicalTypes.Date) {
            return "CAST(date_diff('day', DATE '1970-01-01', " + column + ") AS INTEGER)";
        }
        return switch (type.getType()) {
            case STRING -> "CAST(" + column + " AS VARCHAR)";
            case LONG -> "CAST(" + column + " AS BIGINT)";
            case BOOLEAN -> "CAST(" + column + " AS BOOLEAN)";
            default -> throw new IllegalStateException("no gap fill type for the contract's column " + field);
        };
    }

    private static GenericRecord record(Schema contract, ResultSet rows) throws SQLException {
        GenericRecord row = new GenericData.Record(contract);
        for (Schema.Field field : contract.getFields()) {
            row.put(field.pos(), rows.getObject(field.pos() + 1));
        }
        return row;
    }

    private static List<Schema.Field> fields() {
        return AccessRecordContract.processed().getFields();
    }
}
