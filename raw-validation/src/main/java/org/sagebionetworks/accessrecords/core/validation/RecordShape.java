package org.sagebionetworks.accessrecords.core.validation;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * One Avro record schema, prepared for reading JSON into its generated class: each field's position, JSON
 * type and whether it may be null, looked up by name. Built once per schema; reading is allocation-light.
 */
final class RecordShape {

    private static final class FieldShape {
        final String path;
        final int position;
        final Schema.Type type;
        final boolean nullable;
        final RecordShape nested;

        FieldShape(String path, int position, Schema.Type type, boolean nullable, RecordShape nested) {
            this.path = path;
            this.position = position;
            this.type = type;
            this.nullable = nullable;
            this.nested = nested;
        }
    }

    private final Supplier<SpecificRecordBase> newRecord;
    private final Map<String, FieldShape> fieldsByName = new HashMap<>();
    private final List<FieldShape> required;

    private RecordShape(Schema schema, String pathPrefix, Map<String, Supplier<SpecificRecordBase>> records) {
        if (schema.getFields().size() > Long.SIZE) {
            throw new IllegalArgumentException("presence is tracked in a long; " + schema.getFullName() + " has "
                    + schema.getFields().size() + " fields");
        }
        this.newRecord = records.get(schema.getFullName());
        if (newRecord == null) {
            throw new IllegalArgumentException("no generated class given for record " + schema.getFullName());
        }
        for (Schema.Field field : schema.getFields()) {
            Schema type = nonNullBranch(field.schema());
            String path = pathPrefix + field.name();
            RecordShape nested =
                    type.getType() == Schema.Type.RECORD ? new RecordShape(type, path + ".", records) : null;
            fieldsByName.put(
                    field.name(), new FieldShape(path, field.pos(), type.getType(), type != field.schema(), nested));
        }
        this.required =
                fieldsByName.values().stream().filter(field -> !field.nullable).collect(Collectors.toList());
    }

    /**
     * The shape of {@code schema}, whose records (its own and nested ones) are made by {@code records}, keyed by
     * full name. Given constructors rather than looked up by the schema's name (Avro's SpecificData does that),
     * so the generated classes are found where the publisher's jar relocates them to another package.
     */
    static RecordShape of(Schema schema, String pathPrefix, Map<String, Supplier<SpecificRecordBase>> records) {
        return new RecordShape(schema, pathPrefix, records);
    }

    /** Reads the object whose START_OBJECT the parser has just returned. */
    SpecificRecordBase read(JsonParser parser) throws IOException, RecordRejectedException {
        SpecificRecordBase record = newRecord.get();
        long present = 0;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            FieldShape field = fieldsByName.get(parser.currentName());
            JsonToken token = parser.nextToken();
            if (field == null) {
                parser.skipChildren();
            } else if (token != JsonToken.VALUE_NULL) {
                record.put(field.position, readValue(parser, token, field));
                present |= 1L << field.position;
            } else {
                present &= ~(1L << field.position);
                if (field.nullable) {
                    record.put(field.position, null);
                }
            }
        }
        for (FieldShape field : required) {
            if ((present & 1L << field.position) == 0) {
                throw new RecordRejectedException(
                        Rejection.ofField(RejectionReason.MISSING_FIELD, field.path, "absent or null"));
            }
        }
        return record;
    }

    private static Object readValue(JsonParser parser, JsonToken token, FieldShape field)
            throws IOException, RecordRejectedException {
        switch (field.type) {
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
                                field.path,
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
                    return field.nested.read(parser);
                }
                break;
            default:
                throw new IllegalStateException("the contract uses no " + field.type + " field: " + field.path);
        }
        throw new RecordRejectedException(Rejection.ofField(
                RejectionReason.WRONG_TYPE,
                field.path,
                "expected " + jsonTypeOf(field.type) + ", got " + describe(token)));
    }

    /** A field's type without its null: the type itself unless it is a union with null. */
    static Schema nonNullBranch(Schema schema) {
        if (schema.getType() != Schema.Type.UNION) {
            return schema;
        }
        return schema.getTypes().stream()
                .filter(branch -> branch.getType() != Schema.Type.NULL)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("a union of null alone: " + schema));
    }

    private static String jsonTypeOf(Schema.Type type) {
        switch (type) {
            case STRING:
                return "a string";
            case LONG:
                return "an integer";
            case BOOLEAN:
                return "true or false";
            case RECORD:
                return "an object";
            default:
                return type.getName();
        }
    }

    static String describe(JsonToken token) {
        switch (token) {
            case VALUE_STRING:
                return "a string";
            case VALUE_NUMBER_INT:
                return "an integer";
            case VALUE_NUMBER_FLOAT:
                return "a decimal number";
            case VALUE_TRUE:
            case VALUE_FALSE:
                return "a boolean";
            case START_OBJECT:
                return "an object";
            case START_ARRAY:
                return "an array";
            default:
                return token.asString() == null ? token.name() : token.asString();
        }
    }
}
