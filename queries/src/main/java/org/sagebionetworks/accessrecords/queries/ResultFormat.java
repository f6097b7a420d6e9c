package org.sagebionetworks.accessrecords.queries;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.sagebionetworks.accessrecords.core.output.ControlCharacterEscapes;

/**
 * How an answer is printed: an aligned table for people, CSV for spreadsheets, JSON lines for scripts. The table
 * and JSON never print a control character raw (see {@link AlignedTable}, {@link ControlCharacterEscapes}); CSV
 * carries values exactly, for the programs that read it.
 */
public enum ResultFormat {
    TABLE {
        @Override
        public String render(QueryResult result) {
            return AlignedTable.render(result);
        }
    },
    CSV {
        @Override
        public String render(QueryResult result) {
            StringBuilder out = new StringBuilder(csvLine(result.columns()));
            result.textRows().forEach(row -> out.append(csvLine(row)));
            return out.toString();
        }
    },
    JSON {
        @Override
        public String render(QueryResult result) {
            StringBuilder out = new StringBuilder();
            result.textRows()
                    .forEach(row -> out.append(jsonLine(result.columns(), row)).append('\n'));
            return out.toString();
        }
    };

    private static final JsonFactory JSON_FACTORY =
            new JsonFactory().setCharacterEscapes(new ControlCharacterEscapes());

    public abstract String render(QueryResult result);

    private static String csvLine(List<String> values) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            line.append(i == 0 ? "" : ",").append(csvField(values.get(i)));
        }
        return line.append('\n').toString();
    }

    /** RFC 4180: quote a field holding a separator, a quote or a line break; double the quotes inside. */
    private static String csvField(String value) {
        if (value == null) {
            return "";
        }
        boolean quote = value.chars().anyMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r');
        return quote ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }

    private static String jsonLine(List<String> columns, List<String> values) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = JSON_FACTORY.createGenerator(text)) {
            json.writeStartObject();
            for (int i = 0; i < columns.size(); i++) {
                json.writeStringField(columns.get(i), values.get(i));
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return text.toString();
    }
}
