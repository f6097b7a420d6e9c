package org.sagebionetworks.accessrecords.service.processed;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
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
import org.sagebionetworks.accessrecords.converter.ConnectSchemas;
import org.sagebionetworks.accessrecords.core.output.ProcessedRecordJson;
import org.sagebionetworks.accessrecords.schema.ProcessedAccessRecord;

/**
 * Processed rows on the processed topic: Apache Kafka's Connect JSON envelope, {@code {"schema":…,"payload":…}},
 * as {@link JsonConverter} with {@code schemas.enable=true} reads it. The schema part is rendered once by
 * JsonConverter itself; the payload is the enrich command's row, with {@code record_date} as days since the
 * epoch (Connect's Date); {@code timestamp} is epoch milliseconds in both (Connect's Timestamp).
 */
public final class ConnectEnvelopeSerde implements Serde<ProcessedAccessRecord> {

    private static final JsonFactory JSON = new JsonFactory();
    private static final long MILLIS_PER_DAY = 86_400_000L;
    private static final List<Field> FIELDS = ConnectSchemas.processed().fields();
    private static final String SCHEMA_JSON = renderSchema();

    @Override
    public Serializer<ProcessedAccessRecord> serializer() {
        return (topic, row) -> row == null ? null : toEnvelope(row);
    }

    @Override
    public Deserializer<ProcessedAccessRecord> deserializer() {
        JsonConverter converter = converter();
        return (topic, bytes) -> bytes == null
                ? null
                : fromStruct((Struct) converter.toConnectData(topic, bytes).value());
    }

    public static byte[] toEnvelope(ProcessedAccessRecord row) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(SCHEMA_JSON.length() + 1024);
        try (JsonGenerator json = JSON.createGenerator(bytes)) {
            json.writeStartObject();
            json.writeFieldName("schema");
            json.writeRawValue(SCHEMA_JSON);
            json.writeFieldName("payload");
            ProcessedRecordJson.writeObject(row, json, ProcessedRecordJson.DateForm.EPOCH_DAYS);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    /** The reverse, through JsonConverter; Connect field indexes equal the contract's, being derived from it. */
    static ProcessedAccessRecord fromStruct(Struct struct) {
        ProcessedAccessRecord row = new ProcessedAccessRecord();
        for (Field field : FIELDS) {
            Object value = struct.get(field);
            if (value instanceof Date moment) {
                value = org.apache.kafka.connect.data.Date.LOGICAL_NAME.equals(
                                field.schema().name())
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
