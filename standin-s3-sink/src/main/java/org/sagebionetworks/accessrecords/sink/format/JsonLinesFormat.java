package org.sagebionetworks.accessrecords.sink.format;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.json.JsonConverterConfig;

/**
 * Confluent's JsonFormat: each value as Connect's JsonConverter writes it without its schema (a Timestamp as epoch
 * milliseconds), one per line, the file gzipped when {@code s3.compression.type=gzip}.
 */
public final class JsonLinesFormat implements FileFormat {

    public static final String CLASS_NAME = "io.confluent.connect.s3.format.json.JsonFormat";

    private final boolean gzip;
    private final JsonConverter converter = new JsonConverter();

    public JsonLinesFormat(boolean gzip) {
        this.gzip = gzip;
        converter.configure(Map.of(JsonConverterConfig.SCHEMAS_ENABLE_CONFIG, "false"), false);
    }

    @Override
    public String extension() {
        return gzip ? ".json.gz" : ".json";
    }

    @Override
    public byte[] write(List<Struct> rows) throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        try (OutputStream out = gzip ? new GZIPOutputStream(file) : file) {
            for (Struct row : rows) {
                out.write(converter.fromConnectData("", row.schema(), row));
                out.write('\n');
            }
        }
        return file.toByteArray();
    }
}
