package org.sagebionetworks.accessrecords.converter;

import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Timestamp;
import org.sagebionetworks.accessrecords.schema.AccessRecordContract;

/**
 * The Connect schema of the processed topic, derived from the contract's Avro schema and never written by hand:
 * nullable unions become optional fields, {@code timestamp-millis} a Connect Timestamp, {@code date} a Connect
 * Date, and the record keeps its full name and {@code version}. The S3 sink turns it back into the same Parquet
 * columns the Avro schema describes.
 */
public final class ConnectSchemas {

    private static final org.apache.kafka.connect.data.Schema PROCESSED = fromAvro(AccessRecordContract.processed());

    private ConnectSchemas() {}

    public static org.apache.kafka.connect.data.Schema processed() {
        return PROCESSED;
    }

    static org.apache.kafka.connect.data.Schema fromAvro(Schema record) {
        SchemaBuilder struct = SchemaBuilder.struct()
                .name(record.getFullName())
                .version(AccessRecordContract.version(record))
                .doc(record.getDoc());
        for (Schema.Field field : record.getFields()) {
            struct.field(field.name(), fieldSchema(field.schema()));
        }
        return struct.build();
    }

    private static org.apache.kafka.connect.data.Schema fieldSchema(Schema avro) {
        boolean optional = avro.getType() == Schema.Type.UNION;
        Schema type = optional ? nonNull(avro) : avro;
        SchemaBuilder builder = builderFor(type);
        if (optional) {
            builder.optional();
        }
        return builder.build();
    }

    private static SchemaBuilder builderFor(Schema type) {
        LogicalType logical = type.getLogicalType();
        if (logical instanceof LogicalTypes.TimestampMillis) {
            return Timestamp.builder();
        }
        if (logical instanceof LogicalTypes.Date) {
            return Date.builder();
        }
        switch (type.getType()) {
            case STRING:
                return SchemaBuilder.string();
            case LONG:
                return SchemaBuilder.int64();
            case INT:
                return SchemaBuilder.int32();
            case BOOLEAN:
                return SchemaBuilder.bool();
            case DOUBLE:
                return SchemaBuilder.float64();
            default:
                throw new IllegalArgumentException("no Connect mapping for Avro type " + type);
        }
    }

    private static Schema nonNull(Schema union) {
        if (union.getTypes().size() != 2) {
            throw new IllegalArgumentException("only [null, T] unions map to Connect: " + union);
        }
        return union.getTypes().stream()
                .filter(t -> t.getType() != Schema.Type.NULL)
                .findFirst()
                .orElseThrow();
    }
}
