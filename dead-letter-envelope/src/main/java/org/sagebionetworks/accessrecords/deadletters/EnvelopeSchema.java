package org.sagebionetworks.accessrecords.deadletters;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Timestamp;
import org.sagebionetworks.accessrecords.schema.DeadLetterColumns;

/** The Connect schema of an archived letter, built from {@link DeadLetterColumns} so the Glue table matches it. */
final class EnvelopeSchema {

    static final String NAME = "org.sagebionetworks.accessrecords.DeadLetter";

    static final Schema SCHEMA = build();

    private EnvelopeSchema() {}

    private static Schema build() {
        SchemaBuilder struct = SchemaBuilder.struct().name(NAME).version(1);
        for (DeadLetterColumns.Column column : DeadLetterColumns.ALL) {
            struct.field(column.name(), fieldSchema(column));
        }
        return struct.build();
    }

    private static Schema fieldSchema(DeadLetterColumns.Column column) {
        switch (column.kind()) {
            case TEXT:
                return optionalUnlessIdentity(column, SchemaBuilder.string());
            case INT:
                return SchemaBuilder.int32().doc(column.doc()).build();
            case LONG:
                return SchemaBuilder.int64().doc(column.doc()).build();
            case EPOCH_MILLIS:
                return Timestamp.builder().doc(column.doc()).build();
            case TEXT_MAP:
                return SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.OPTIONAL_STRING_SCHEMA)
                        .doc(column.doc())
                        .build();
            default:
                throw new IllegalStateException("no Connect type for " + column.kind());
        }
    }

    /** The topic is always known; every other text column is absent for some letters. */
    private static Schema optionalUnlessIdentity(DeadLetterColumns.Column column, SchemaBuilder text) {
        if (!column.name().equals(DeadLetterColumns.TOPIC)) {
            text.optional();
        }
        return text.doc(column.doc()).build();
    }
}
