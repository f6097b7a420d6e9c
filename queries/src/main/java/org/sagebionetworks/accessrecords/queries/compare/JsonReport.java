package org.sagebionetworks.accessrecords.queries.compare;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import org.sagebionetworks.accessrecords.core.output.ControlCharacterEscapes;
import org.sagebionetworks.accessrecords.queries.QueryResult;
import org.sagebionetworks.accessrecords.queries.compare.ComparisonReport.ColumnMismatches;
import org.sagebionetworks.accessrecords.queries.compare.ComparisonReport.DayRows;
import org.sagebionetworks.accessrecords.queries.compare.ComparisonReport.KeyedRow;
import org.sagebionetworks.accessrecords.queries.compare.ComparisonReport.OneSide;
import org.sagebionetworks.accessrecords.queries.compare.ComparisonReport.ValueDifference;

/**
 * A comparison as one JSON document, for scripts and daily checks ({@code jq .equal}). Values are text, or null,
 * as in the readable report; control characters are escaped, as the {@code query} command's JSON does.
 */
final class JsonReport {

    private static final JsonFactory JSON_FACTORY =
            new JsonFactory().setCharacterEscapes(new ControlCharacterEscapes());

    private JsonReport() {}

    static String render(ComparisonReport report) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = JSON_FACTORY.createGenerator(text).useDefaultPrettyPrinter()) {
            json.writeStartObject();
            json.writeStringField("glue", report.glue());
            json.writeStringField("new", report.fresh());
            json.writeStringField("from", report.range().first().toString());
            json.writeStringField("to", report.range().last().toString());
            json.writeBooleanField("equal", report.equal());
            json.writeNumberField("rows_on_both_sides", report.rowsOnBothSides());
            writeDays(json, report);
            writeOneSide(json, "only_in_glue", report.onlyInGlue());
            writeOneSide(json, "only_in_new", report.onlyInNew());
            writeColumns(json, report);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return text.append('\n').toString();
    }

    private static void writeDays(JsonGenerator json, ComparisonReport report) throws IOException {
        json.writeArrayFieldStart("days");
        for (DayRows day : report.days()) {
            json.writeStartObject();
            json.writeStringField("record_date", QueryResult.text(day.day()));
            json.writeNumberField("glue_rows", day.glueRows());
            json.writeNumberField("new_rows", day.newRows());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void writeOneSide(JsonGenerator json, String name, OneSide side) throws IOException {
        json.writeObjectFieldStart(name);
        json.writeNumberField("rows", side.rows());
        json.writeArrayFieldStart("examples");
        for (KeyedRow key : side.examples()) {
            json.writeStartObject();
            json.writeStringField("record_date", QueryResult.text(key.recordDate()));
            json.writeStringField("session_id", key.sessionId());
            json.writeStringField("timestamp", QueryResult.text(key.timestamp()));
            json.writeNumberField("copy", key.copy());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void writeColumns(JsonGenerator json, ComparisonReport report) throws IOException {
        json.writeArrayFieldStart("columns");
        for (ColumnMismatches column : report.columns()) {
            json.writeStartObject();
            json.writeStringField("column", column.column());
            json.writeStringField("kind", column.derived() ? "derived" : "copied");
            json.writeNumberField("mismatches", column.rows());
            json.writeArrayFieldStart("examples");
            for (ValueDifference difference : column.examples()) {
                json.writeStartObject();
                json.writeStringField("session_id", difference.sessionId());
                json.writeStringField("timestamp", QueryResult.text(difference.timestamp()));
                json.writeStringField("glue", difference.glue());
                json.writeStringField("new", difference.fresh());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        json.writeEndArray();
    }
}
