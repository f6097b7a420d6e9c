package org.sagebionetworks.accessrecords.sink.parquet;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.JsonProperties;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;

/**
 * A Connect struct schema as the Avro schema Confluent's ParquetFormat hands to parquet-avro: optional fields
 * become {@code ["null", T]} with a null default, Timestamp becomes {@code timestamp-millis}, Date {@code date}.
 * parquet-avro then gives INT64 TIMESTAMP(MILLIS, UTC), INT32 DATE, INT64, BOOLEAN and BINARY (STRING).
 */
public final class AvroSchemas {

    private AvroSchemas() {}

    public static Schema fromConnect(org.apache.kafka.connect.data.Schema struct) {
        if (struct.type() != org.apache.kafka.connect.data.Schema.Type.STRUCT) {
            throw new DataException("rows must be structs, not " + struct.type());
        }
        List<Schema.Field> fields = new ArrayList<>();
        for (Field field : struct.fields()) {
            Schema type = primitive(field.schema());
            if (field.schema().isOptional()) {
                fields.add(new Schema.Field(
                        field.name(),
                        Schema.createUnion(Schema.create(Schema.Type.NULL), type),
                        null,
                        JsonProperties.NULL_VALUE));
            } else {
                fields.add(new Schema.Field(field.name(), type));
            }
        }
        String name = struct.name() == null ? "ConnectDefault" : struct.name();
        int dot = name.lastIndexOf('.');
        return Schema.createRecord(
                name.substring(dot + 1), struct.doc(), dot < 0 ? null : name.substring(0, dot), false, fields);
    }

    private static Schema primitive(org.apache.kafka.connect.data.Schema schema) {
        if (Timestamp.LOGICAL_NAME.equals(schema.name())) {
            return LogicalTypes.timestampMillis().addToSchema(Schema.create(Schema.Type.LONG));
        }
        if (Date.LOGICAL_NAME.equals(schema.name())) {
            return LogicalTypes.date().addToSchema(Schema.create(Schema.Type.INT));
        }
        return switch (schema.type()) {
            case STRING -> Schema.create(Schema.Type.STRING);
            case INT64 -> Schema.create(Schema.Type.LONG);
            case INT32 -> Schema.create(Schema.Type.INT);
            case BOOLEAN -> Schema.create(Schema.Type.BOOLEAN);
            case FLOAT64 -> Schema.create(Schema.Type.DOUBLE);
            default -> throw new DataException("no Parquet mapping for a Connect " + schema.type());
        };
    }
}
