package org.sagebionetworks.accessrecords.core.validation;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * One Avro record schema, prepared for reading JSON into its generated class: each field's position, JSON
 * type and whether it may be null, looked up by name. Built once per schema; reading is allocation-light.
 */
final class RecordShape {

    private record FieldShape(String path, int position, Schema.Type type, boolean nullable, RecordShape nested) {}

    private final Schema schema;
    private final Map<String, FieldShape> fieldsByName = new HashMap<>();
    private final List<FieldShape> required;

    private RecordShape(Schema schema, String pathPrefix) {
        if (schema.getFields().size() > Long.SIZE) {
            throw new IllegalArgumentException("presence is tracked in a long; " + schema.getFullName() + " has "
                    + schema.getFields().size() + " fields");
        }
        this.schema = schema;
        for (Schema.Field field : schema.getFields()) {
            Schema type = nonNullBranch(field.schema());
            String path = pathPrefix + field.name();
            RecordShape nested = type.getType() == Schema.Type.RECORD ? new RecordShape(type, path + ".") : null;
            fieldsByName.put(
                    field.name(), new FieldShape(path, field.pos(), type.getType(), type != field.schema(), nested));
        }
        this.required = fieldsByName.values().stream()
                .filter(field -> !field.nullable())
                .toList();
    }

    static RecordShape of(Schema schema, String pathPrefix) {
        return new RecordShape(schema, pathPrefix);
    }

    /** Reads the object whose START_OBJECT the parser has just returned. */
    SpecificRecordBase read(JsonParser parser) throws IOException, RecordRejectedException {
        SpecificRecordBase record = (SpecificRecordBase) SpecificData.get().newRecord(null, schema);
        long present = 0;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            FieldShape field = fieldsByName.get(parser.currentName());
            JsonToken token = parser.nextToken();
            if (field == null) {
                parser.skipChildren();
            } else if (token != JsonToken.VALUE_NULL) {
                record.put(field.position(), readValue(parser, token, field));
                present |= 1L << field.position();
            } else {
                present &= ~(1L << field.position());
                if (field.nullable()) {
                    record.put(field.position(), null);
                }
            }
        }
        for (FieldShape field : required) {
            if ((present & 1L << field.position()) == 0) {
                throw new RecordRejectedException(
                        Rejection.ofField(RejectionReason.MISSING_FIELD, field.path(), "absent or null"));
            }
        }
        return record;
    }

    private static Object readValue(JsonParser parser, JsonToken token, FieldShape field)
            throws IOException, RecordRejectedException {
        switch (field.type()) {
            case STRING:
                if (token == JsonToken.VALUE_STRING) {
                    return parser.getText();
                }
                break;
            case LONG:
                if (token == JsonToken.VALUE_NUMBER_INT) {
                    if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                        throw new RecordRejectedException(Rejection.ofField(
                                RejectionReason.ABSURD_VALUE,
                                field.path(),
                                parser.getText() + " does not fit a 64-bit integer"));
                    }
                    return parser.getLongValue();
                }
                break;
            case BOOLEAN:
                if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
                    return token == JsonToken.VALUE_TRUE;
                }
                break;
            case RECORD:
                if (token == JsonToken.START_OBJECT) {
                    return field.nested().read(parser);
                }
                break;
            default:
                throw new IllegalStateException("the contract uses no " + field.type() + " field: " + field.path());
        }
        throw new RecordRejectedException(Rejection.ofField(
                RejectionReason.WRONG_TYPE,
                field.path(),
                "expected " + jsonTypeOf(field.type()) + ", got " + describe(token)));
    }

    private static Schema nonNullBranch(Schema schema) {
        if (schema.getType() != Schema.Type.UNION) {
            return schema;
        }
        return schema.getTypes().stream()
                .filter(branch -> branch.getType() != Schema.Type.NULL)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("a union of null alone: " + schema));
    }

    private static String jsonTypeOf(Schema.Type type) {
        return switch (type) {
            case STRING -> "a string";
            case LONG -> "an integer";
            case BOOLEAN -> "true or false";
            case RECORD -> "an object";
            default -> type.getName();
        };
    }

    static String describe(JsonToken token) {
        return switch (token) {
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT -> "an integer";
            case VALUE_NUMBER_FLOAT -> "a decimal number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            default -> token.asString() == null ? token.name() : token.asString();
        };
    }
}
