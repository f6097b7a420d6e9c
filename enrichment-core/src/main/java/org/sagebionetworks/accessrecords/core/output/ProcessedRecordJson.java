package org.sagebionetworks.accessrecords.core.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.avro.Schema;
import org.sagebionetworks.accessrecords.schema.ProcessedAccessRecord;

/**
 * A processed record as one JSON object with the table's column names, in the contract's column order:
 * {@code timestamp} as epoch milliseconds, {@code record_date} as {@code YYYY-MM-DD}, absent values as null,
 * every control character escaped ({@link ControlCharacterEscapes}). The columns come from the schema, so a new column appears here without touching this class.
 */
public final class ProcessedRecordJson {

    /** No separator between root values: each record ends its own line; no control character printed raw. */
    private static final JsonFactory JSON =
            new JsonFactory().setRootValueSeparator(null).setCharacterEscapes(new ControlCharacterEscapes());

    private static final List<Schema.Field> COLUMNS =
            ProcessedAccessRecord.getClassSchema().getFields();
    /** Column names quoted and encoded once, not once per record. */
    private static final SerializedString[] NAMES =
            COLUMNS.stream().map(column -> new SerializedString(column.name())).toArray(SerializedString[]::new);

    private ProcessedRecordJson() {}

    public static JsonGenerator newGenerator(OutputStream out) throws IOException {
        return JSON.createGenerator(out);
    }

    /** How {@code record_date} is written: the enrich command's text, or Connect's days since 1970-01-01. */
    public enum DateForm {
        ISO_DATE,
        EPOCH_DAYS
    }

    /** Writes one record followed by a newline. */
    public static void writeLine(ProcessedAccessRecord record, JsonGenerator json) throws IOException {
        writeObject(record, json, DateForm.ISO_DATE);
        json.writeRaw('\n');
    }

    /** Writes one record as a JSON object; {@code timestamp} is always epoch milliseconds. */
    public static void writeObject(ProcessedAccessRecord record, JsonGenerator json, DateForm dates)
            throws IOException {
        json.writeStartObject();
        for (int i = 0; i < NAMES.length; i++) {
            json.writeFieldName(NAMES[i]);
            writeValue(record.get(COLUMNS.get(i).pos()), json, dates);
        }
        json.writeEndObject();
    }

    /** The record as a single line of JSON, without the newline. */
    public static String toJson(ProcessedAccessRecord record) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(text)) {
            writeLine(record, json);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a string cannot fail", e);
        }
        return text.toString().stripTrailing();
    }

    private static void writeValue(Object value, JsonGenerator json, DateForm dates) throws IOException {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof String text) {
            json.writeString(text);
        } else if (value instanceof Long number) {
            json.writeNumber(number);
        } else if (value instanceof Boolean flag) {
            json.writeBoolean(flag);
        } else if (value instanceof Instant instant) {
            json.writeNumber(instant.toEpochMilli());
        } else if (value instanceof LocalDate date && dates == DateForm.EPOCH_DAYS) {
            json.writeNumber(Math.toIntExact(date.toEpochDay()));
        } else if (value instanceof LocalDate date) {
            json.writeString(date.toString());
        } else {
            throw new IllegalStateException("no JSON form for a column of " + value.getClass());
        }
    }
}
