package org.sagebionetworks.accessrecords.converter;

import java.util.Date;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;

/**
 * A processed row between Avro's generic form and Connect's struct. Connect's Timestamp and Date are
 * {@link Date}s; Avro's {@code timestamp-millis} and {@code date} are epoch milliseconds and epoch days.
 */
final class ProcessedStructs {

    private static final long MILLIS_PER_DAY = 86_400_000L;

    private ProcessedStructs() {}

    static Struct toStruct(GenericRecord row) {
        Struct struct = new Struct(ConnectSchemas.processed());
        for (Field field : struct.schema().fields()) {
            struct.put(field, toConnect(field, row.get(field.name())));
        }
        return struct;
    }

    static GenericRecord toAvro(Struct struct, org.apache.avro.Schema schema) {
        struct.validate();
        GenericData.Record row = new GenericData.Record(schema);
        for (Field field : struct.schema().fields()) {
            row.put(field.name(), toAvro(field, struct.get(field)));
        }
        return row;
    }

    private static Object toConnect(Field field, Object value) {
        if (value == null) {
            return null;
        }
        if (isTimestamp(field)) {
            return new Date((Long) value);
        }
        if (isDate(field)) {
            return new Date((Integer) value * MILLIS_PER_DAY);
        }
        return value instanceof CharSequence ? value.toString() : value;
    }

    private static Object toAvro(Field field, Object value) {
        if (value == null) {
            return null;
        }
        if (isTimestamp(field)) {
            return ((Date) value).getTime();
        }
        if (isDate(field)) {
            return Math.toIntExact(Math.floorDiv(((Date) value).getTime(), MILLIS_PER_DAY));
        }
        return value;
    }

    private static boolean isTimestamp(Field field) {
        return Timestamp.LOGICAL_NAME.equals(field.schema().name());
    }

    private static boolean isDate(Field field) {
        return org.apache.kafka.connect.data.Date.LOGICAL_NAME.equals(
                field.schema().name());
    }
}
