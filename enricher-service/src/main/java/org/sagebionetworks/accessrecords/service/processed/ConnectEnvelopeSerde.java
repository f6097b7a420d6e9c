package org.sagebionetworks.accessrecords.service.processed;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.json.JsonConverterConfig;
import org.sagebionetworks.accessrecords.schema.ProcessedAccessRecord;

/**
 * Processed rows on the processed topic: Apache Kafka's Connect JSON envelope, {@code {"schema":…,"payload":…}},
 * as {@link JsonConverter} with {@code schemas.enable=true} reads it. The schema part is rendered once by
 * JsonConverter itself; the payload is streamed with the contract's column names, {@code timestamp} as epoch
 * milliseconds and {@code record_date} as days since the epoch (Connect's Timestamp and Date).
 */
public final class ConnectEnvelopeSerde implements Serde<ProcessedAccessRecord> {

    private static final JsonFactory JSON = new JsonFactory();
    private static final long MILLIS_PER_DAY = 86_400_000L;
    private static final List<Field> FIELDS = ConnectSchemas.processed().fields();
    private static final SerializedString[] NAMES =
            FIELDS.stream().map(field -> new SerializedString(field.name())).toArray(SerializedString[]::new);
    private static final String SCHEMA_JSON = renderSchema();

    @Override
    public Serializer<ProcessedAccessRecord> serializer() {
        return (topic, row) -> row == null ? null : toEnvelope(row);
    }

    @Override
    public Deserializer<ProcessedAccessRecord> deserializer() {
        JsonConverter converter = converter();
        return (topic, bytes) -> bytes == null ? null : fromStruct((Struct) converter.toConnectData(topic, bytes).value());
    }

    public static byte[] toEnvelope(ProcessedAccessRecord row) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(SCHEMA_JSON.length() + 1024);
        try (JsonGenerator json = JSON.createGenerator(bytes)) {
            json.writeStartObject();
            json.writeFieldName("schema");
            json.writeRawValue(SCHEMA_JSON);
            json.writeFieldName("payload");
            writePayload(row, json);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    private static void writePayload(ProcessedAccessRecord row, JsonGenerator json) throws IOException {
        json.writeStartObject();
        for (int i = 0; i < NAMES.length; i++) {
            json.writeFieldName(NAMES[i]);
            Object value = row.get(FIELDS.get(i).index());
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
            } else if (value instanceof LocalDate date) {
                json.writeNumber(Math.toIntExact(date.toEpochDay()));
            } else {
                throw new IllegalStateException("no Connect JSON form for " + value.getClass());
            }
        }
        json.writeEndObject();
    }

    /** The reverse, through JsonConverter; Connect field indexes equal the contract's, being derived from it. */
    static ProcessedAccessRecord fromStruct(Struct struct) {
        ProcessedAccessRecord row = new ProcessedAccessRecord();
        for (Field field : FIELDS) {
            Object value = struct.get(field);
            if (value instanceof Date moment) {
                value = org.apache.kafka.connect.data.Date.LOGICAL_NAME.equals(field.schema().name())
                        ? LocalDate.ofEpochDay(Math.floorDiv(moment.getTime(), MILLIS_PER_DAY))
                        : Instant.ofEpochMilli(moment.getTime());
            }
            row.put(field.index(), value);
        }
        return row;
    }

    static JsonConverter converter() {
        JsonConverter converter = new JsonConverter();
        converter.configure(Map.of(JsonConverterConfig.SCHEMAS_ENABLE_CONFIG, "true", "converter.type", "value"));
        return converter;
    }

    private static String renderSchema() {
        return converter().asJsonSchema(ConnectSchemas.processed()).toString();
    }

}
