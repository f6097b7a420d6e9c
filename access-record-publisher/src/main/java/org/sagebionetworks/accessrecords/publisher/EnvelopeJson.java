package org.sagebionetworks.accessrecords.publisher;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;
import org.sagebionetworks.accessrecords.schema.RawAccessRecordEnvelope;

/**
 * A typed raw envelope as the JSON line Synapse writes to Firehose: the contract's field names, nested payload,
 * nulls written out. Driven by the schema, so a field added to the contract is written without touching this class.
 */
final class EnvelopeJson {

    private static final JsonFactory JSON = new JsonFactory();
    /** An access record is about 1 KB; starting there avoids regrowing the buffer. */
    private static final int TYPICAL_BYTES = 1024;

    private EnvelopeJson() {}

    static byte[] toBytes(RawAccessRecordEnvelope envelope) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(TYPICAL_BYTES);
        try (JsonGenerator json = JSON.createGenerator(bytes)) {
            writeRecord(envelope, json);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    private static void writeRecord(IndexedRecord record, JsonGenerator json) throws IOException {
        json.writeStartObject();
        for (Schema.Field field : record.getSchema().getFields()) {
            json.writeFieldName(field.name());
            writeValue(record.get(field.pos()), json);
        }
        json.writeEndObject();
    }

    private static void writeValue(Object value, JsonGenerator json) throws IOException {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof CharSequence text) {
            json.writeString(text.toString());
        } else if (value instanceof Long number) {
            json.writeNumber(number);
        } else if (value instanceof Boolean flag) {
            json.writeBoolean(flag);
        } else if (value instanceof IndexedRecord nested) {
            writeRecord(nested, json);
        } else {
            throw new IllegalStateException("the raw contract has no field of " + value.getClass());
        }
    }
}
