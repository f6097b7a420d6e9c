package org.sagebionetworks.accessrecords.reconcile;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import org.sagebionetworks.accessrecords.archive.ArchiveLocation;

/** The reconciliation as JSON: the result's fields, every day's counts and every gap with its command. */
final class JsonReport {

    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonReport() {}

    /** The result line alone: the text format's last line. */
    static String resultLine(Reconciliation result) {
        return render(json -> ResultFields.write(result, json));
    }

    /** The whole report, one line. */
    static String report(Reconciliation result, ArchiveLocation archive) {
        return render(json -> {
            ResultFields.write(result, json);
            json.writeArrayFieldStart("days");
            for (DayResult day : result.results()) {
                writeDay(day, result.strict(), json);
            }
            json.writeEndArray();
            json.writeArrayFieldStart("gaps");
            for (Gap gap : result.gaps()) {
                writeGap(gap, archive, json);
            }
            json.writeEndArray();
        });
    }

    private static void writeDay(DayResult day, boolean strict, JsonGenerator json) throws IOException {
        DayCounts counts = day.counts();
        json.writeStartObject();
        json.writeStringField("record_date", day.day().toString());
        json.writeNumberField("archive_valid_lines", counts.archiveValidLines());
        json.writeNumberField("archive_keys", counts.archiveKeys());
        json.writeNumberField("archive_invalid_lines", day.archiveInvalidLines());
        json.writeNumberField("table_rows", counts.tableRows());
        json.writeNumberField("table_keys", counts.tableKeys());
        json.writeNumberField("missing_from_table", counts.missing());
        json.writeNumberField("table_only", counts.tableOnly());
        json.writeNumberField("dead_letters", day.deadLetters());
        json.writeBooleanField("agrees", day.agrees(strict));
        json.writeEndObject();
    }

    private static void writeGap(Gap gap, ArchiveLocation archive, JsonGenerator json) throws IOException {
        json.writeStartObject();
        json.writeStringField("record_date", gap.day().toString());
        json.writeStringField("first", gap.first().toString());
        json.writeStringField("last", gap.last().toString());
        json.writeNumberField("missing", gap.missing());
        json.writeStringField("load_archive", gap.loadArchiveCommand(archive));
        json.writeEndObject();
    }

    private interface Body {
        void write(JsonGenerator json) throws IOException;
    }

    private static String render(Body body) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = FACTORY.createGenerator(text)) {
            json.writeStartObject();
            body.write(json);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to a string", e);
        }
        return text.toString();
    }
}
