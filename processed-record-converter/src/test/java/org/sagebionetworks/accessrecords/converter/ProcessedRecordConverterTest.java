package org.sagebionetworks.accessrecords.converter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.Test;
import org.sagebionetworks.accessrecords.schema.AccessRecordContract;
import org.sagebionetworks.accessrecords.schema.ProcessedRecordFormat;

class ProcessedRecordConverterTest {

    private static final String TOPIC = "synapse.accessrecords.processed.v1";
    private static final Instant AT = Instant.parse("2023-11-14T23:59:59.999Z");
    private static final LocalDate DAY = LocalDate.of(2023, 11, 14);

    private final ProcessedRecordConverter converter = new ProcessedRecordConverter();
    private final ProcessedRecordFormat format = ProcessedRecordFormat.ofContract();

    @Test
    void aRowBecomesTheStructTheSinkWritesWithConnectsTimestampAndDate() {
        SchemaAndValue read = converter.toConnectData(TOPIC, format.encode(row(AccessRecordContract.processed())));

        assertThat(read.schema()).isEqualTo(ConnectSchemas.processed());
        Struct struct = (Struct) read.value();
        assertThat(struct.get("timestamp")).isEqualTo(Date.from(AT));
        assertThat(struct.get("record_date"))
                .isEqualTo(Date.from(DAY.atStartOfDay(ZoneOffset.UTC).toInstant()));
        assertThat(struct.getString("session_id")).isEqualTo("3f0e6c1a");
        assertThat(struct.getInt64("user_id")).isEqualTo(273950L);
        assertThat(struct.getBoolean("success")).isTrue();
        assertThat(struct.getString("origin")).isNull();
    }

    @Test
    void aStructWrittenBackIsTheSameMessage() {
        byte[] message = format.encode(row(AccessRecordContract.processed()));

        SchemaAndValue read = converter.toConnectData(TOPIC, message);

        assertThat(converter.fromConnectData(TOPIC, read.schema(), read.value()))
                .isEqualTo(message);
    }

    @Test
    void aRowWrittenWithAnOlderReleaseIsReadInTheCurrentShape() {
        Schema older = withoutField(AccessRecordContract.processed(), "origin", "entity_id");
        Schema current = AccessRecordContract.processed();
        byte[] message = new ProcessedRecordFormat(older, List.of(older)).encode(row(older));
        ProcessedRecordConverter reader =
                new ProcessedRecordConverter(new ProcessedRecordFormat(current, List.of(older, current)));

        Struct struct = (Struct) reader.toConnectData(TOPIC, message).value();

        assertThat(struct.schema()).isEqualTo(ConnectSchemas.processed());
        assertThat(struct.getString("origin")).isNull();
        assertThat(struct.get("entity_id")).isNull();
        assertThat(struct.getString("client")).isEqualTo("PYTHON");
    }

    @Test
    void aRowFromAnUnreleasedSchemaIsADataExceptionNamingTheOrderOfDeployment() {
        Schema newer = withExtraField(AccessRecordContract.processed());
        byte[] message = new ProcessedRecordFormat(newer, List.of(newer)).encode(row(newer));

        assertThatThrownBy(() -> converter.toConnectData(TOPIC, message))
                .isInstanceOf(DataException.class)
                .hasMessageContaining(TOPIC)
                .hasMessageContaining("unknown schema")
                .hasMessageContaining("deploy the reader (converter) of that release first");
    }

    @Test
    void theOldJsonEnvelopeIsADataExceptionNotARow() {
        byte[] envelope = "{\"schema\":{},\"payload\":{}}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> converter.toConnectData(TOPIC, envelope))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("not Avro's single-object encoding");
    }

    @Test
    void aTruncatedRowIsADataException() {
        byte[] message = format.encode(row(AccessRecordContract.processed()));
        byte[] truncated = java.util.Arrays.copyOf(message, message.length - 5);

        assertThatThrownBy(() -> converter.toConnectData(TOPIC, truncated))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("does not match its writer schema");
    }

    @Test
    void nullIsATombstoneBothWays() {
        assertThat(converter.toConnectData(TOPIC, null)).isEqualTo(SchemaAndValue.NULL);
        assertThat(converter.fromConnectData(TOPIC, null, null)).isNull();
    }

    @Test
    void itRefusesToConvertKeys() {
        assertThatThrownBy(() -> converter.configure(Map.of(), true))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("StringConverter");
    }

    private static GenericRecord row(Schema schema) {
        GenericRecordBuilder row = new GenericRecordBuilder(schema)
                .set("session_id", "3f0e6c1a")
                .set("timestamp", AT.toEpochMilli())
                .set("user_id", 273950L)
                .set("method", "GET")
                .set("request_url", "/repo/v1/entity/syn123")
                .set("success", true)
                .set("normalized_method_signature", "GET /entity/#")
                .set("client", "PYTHON")
                .set("record_date", (int) DAY.toEpochDay());
        if (schema.getField("entity_id") != null) {
            row.set("entity_id", 123L);
        }
        return row.build();
    }

    private static Schema withoutField(Schema schema, String... names) {
        List<String> dropped = List.of(names);
        return copy(
                schema,
                schema.getFields().stream()
                        .filter(field -> !dropped.contains(field.name()))
                        .map(field -> new Schema.Field(field, field.schema()))
                        .collect(Collectors.toList()));
    }

    private static Schema withExtraField(Schema schema) {
        List<Schema.Field> fields = schema.getFields().stream()
                .map(field -> new Schema.Field(field, field.schema()))
                .collect(Collectors.toList());
        fields.add(new Schema.Field(
                "region",
                Schema.createUnion(Schema.create(Schema.Type.NULL), Schema.create(Schema.Type.STRING)),
                null,
                Schema.Field.NULL_DEFAULT_VALUE));
        return copy(schema, fields);
    }

    private static Schema copy(Schema schema, List<Schema.Field> fields) {
        return Schema.createRecord(schema.getName(), schema.getDoc(), schema.getNamespace(), false, fields);
    }
}
