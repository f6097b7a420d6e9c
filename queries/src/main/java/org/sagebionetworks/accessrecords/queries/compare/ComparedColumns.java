package org.sagebionetworks.accessrecords.queries.compare;

import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.sagebionetworks.accessrecords.schema.AccessRecordContract;

/**
 * The contract's columns as the comparison reads them on either side: the key, {@code (session_id, timestamp)},
 * with the timestamp as epoch milliseconds (Spark's INT96 and our INT64 TIMESTAMP(MILLIS) read as different
 * types, the same instant), and every other column cast to one type, so that only values can differ.
 */
final class ComparedColumns {

    static final String SESSION_ID = "session_id";
    static final String TIMESTAMP = "timestamp";
    /** The key's timestamp, in epoch milliseconds. */
    static final String TIMESTAMP_MILLIS = "ts_ms";

    /** The columns the Glue job computes rather than copies (docs/data-contract.md, "The Glue job's rules"). */
    private static final Set<String> DERIVED =
            Set.of("normalized_method_signature", "client", "client_version", "entity_id", "record_date", "instance");

    /** A column compared value for value, with the type both sides are read as. */
    record Column(String name, String type, boolean derived) {

        String quoted() {
            return "\"" + name + "\"";
        }
    }

    static final List<Column> COMPARED = compared();
    static final Column RECORD_DATE = named("record_date");

    private ComparedColumns() {}

    /** One side's rows: the key and the compared columns, typed alike whatever the files hold. */
    static String select(String scan) {
        return "SELECT CAST(" + SESSION_ID + " AS VARCHAR) AS " + SESSION_ID + ", epoch_ms(\"" + TIMESTAMP + "\") AS "
                + TIMESTAMP_MILLIS + ", "
                + each(column -> "CAST(" + column.quoted() + " AS " + column.type() + ") AS " + column.quoted())
                + " FROM " + scan;
    }

    static String each(Function<Column, String> sql) {
        return COMPARED.stream().map(sql).collect(Collectors.joining(", "));
    }

    private static List<Column> compared() {
        return AccessRecordContract.processed().getFields().stream()
                .filter(field ->
                        !field.name().equals(SESSION_ID) && !field.name().equals(TIMESTAMP))
                .map(field -> new Column(field.name(), duckdbType(field), DERIVED.contains(field.name())))
                .toList();
    }

    private static Column named(String name) {
        return COMPARED.stream()
                .filter(column -> column.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("the contract has no column " + name));
    }

    private static String duckdbType(Schema.Field field) {
        Schema type = AccessRecordContract.nonNull(field);
        if (type.getLogicalType() instanceof LogicalTypes.Date) {
            return "DATE";
        }
        return switch (type.getType()) {
            case STRING -> "VARCHAR";
            case LONG -> "BIGINT";
            case BOOLEAN -> "BOOLEAN";
            default -> throw new IllegalStateException("no comparison type for the contract's column " + field);
        };
    }
}
