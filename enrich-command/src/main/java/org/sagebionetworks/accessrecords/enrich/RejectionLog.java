package org.sagebionetworks.accessrecords.enrich;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.sagebionetworks.accessrecords.core.output.ControlCharacterEscapes;
import org.sagebionetworks.accessrecords.core.validation.Rejection;

/**
 * Rejected lines, one JSON object per line, with everything needed to find and fix them: where the line was,
 * why it was rejected, and the original text (the first {@value #MAX_TEXT_CHARS} characters of a line too large
 * to be a record), with its control characters escaped so that a terminal shows them instead of running them.
 */
final class RejectionLog {

    static final int MAX_TEXT_CHARS = 4096;

    private final JsonGenerator json;

    RejectionLog(OutputStream out) throws IOException {
        this.json = new JsonFactory()
                .setRootValueSeparator(null)
                .setCharacterEscapes(new ControlCharacterEscapes())
                .createGenerator(out);
    }

    void rejected(String source, long lineNumber, Rejection rejection, byte[] line, int length, boolean truncated)
            throws IOException {
        String text = new String(line, 0, length, StandardCharsets.UTF_8);
        boolean cut = truncated || text.length() > MAX_TEXT_CHARS;
        json.writeStartObject();
        json.writeStringField("source", source);
        json.writeNumberField("line", lineNumber);
        json.writeStringField("reason", rejection.reason().name());
        json.writeStringField("field", rejection.field());
        json.writeStringField("message", rejection.message());
        json.writeStringField("text", cut ? text.substring(0, Math.min(text.length(), MAX_TEXT_CHARS)) : text);
        json.writeBooleanField("text_truncated", cut);
        json.writeEndObject();
        json.writeRaw('\n');
        json.flush();
    }

    void unreadable(String source, long linesRead, Exception error) throws IOException {
        json.writeStartObject();
        json.writeStringField("source", source);
        json.writeStringField("error", "unreadable input");
        json.writeStringField("message", error.toString());
        json.writeNumberField("lines_read", linesRead);
        json.writeEndObject();
        json.writeRaw('\n');
        json.flush();
    }

    void summary(LineCounts counts) throws IOException {
        json.writeStartObject();
        json.writeObjectFieldStart("summary");
        json.writeNumberField("read", counts.read());
        json.writeNumberField("written", counts.written());
        json.writeNumberField("rejected", counts.rejected());
        json.writeNumberField("unreadable_sources", counts.unreadableSources());
        json.writeNumberField("seconds", counts.elapsedSeconds());
        json.writeNumberField("records_per_second", Math.round(counts.recordsPerSecond()));
        json.writeEndObject();
        json.writeEndObject();
        json.writeRaw('\n');
        json.flush();
    }
}
