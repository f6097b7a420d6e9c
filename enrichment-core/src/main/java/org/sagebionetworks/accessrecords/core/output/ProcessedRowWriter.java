package org.sagebionetworks.accessrecords.core.output;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.avro.Schema;
import org.sagebionetworks.accessrecords.core.enrichment.DerivedColumns;
import org.sagebionetworks.accessrecords.core.enrichment.PayloadColumns;
import org.sagebionetworks.accessrecords.core.validation.ScannedRecord;
import org.sagebionetworks.accessrecords.schema.RawAccessRecord;

/**
 * Writes a processed row's single-object Avro encoding straight from the scanned raw bytes and the derived
 * columns: a copied string is the raw record's own UTF-8, copied once, with no String, no row object and no
 * Avro datum writer in between. The bytes are those the generated class writes for the same row (the tests hold
 * the two equal). The column order and types come from the contract; {@link PayloadColumns} says which columns
 * are copied. One writer per thread: it reuses its buffer.
 */
public final class ProcessedRowWriter {

    private enum Derived {
        INSTANCE,
        NORMALIZED_METHOD_SIGNATURE,
        CLIENT,
        CLIENT_VERSION,
        ENTITY_ID,
        RECORD_DATE
    }

    /** One column: copied from a payload field, or derived; written as its Avro type, in a union or not. */
    private record Column(Schema.Type type, int payloadField, Derived derived, int nullBranch, int valueBranch) {}

    private static final int NOT_A_UNION = -1;
    private static final List<Column> COLUMNS = plan(EncodedRow.SCHEMA, RawAccessRecord.getClassSchema());

    private byte[] buffer = new byte[1024];
    private int size;

    /** The message for a scanned payload whose derived columns are {@code derived}. */
    public byte[] write(ScannedRecord payload, DerivedColumns derived) {
        size = 0;
        writeRaw(EncodedRow.HEADER, 0, EncodedRow.HEADER.length);
        for (Column column : COLUMNS) {
            if (column.derived() == null) {
                writeCopied(column, payload);
            } else {
                writeDerived(column, derived);
            }
        }
        return Arrays.copyOf(buffer, size);
    }

    private void writeCopied(Column column, ScannedRecord payload) {
        int field = column.payloadField();
        if (payload.isNull(field)) {
            writeNull(column);
            return;
        }
        writeBranch(column);
        switch (column.type()) {
            case STRING -> {
                int start = payload.start(field);
                int length = payload.end(field) - start;
                writeLong(length);
                writeRaw(payload.source(), start, length);
            }
            case LONG -> writeLong(payload.number(field));
            case BOOLEAN -> writeByte(payload.bool(field) ? 1 : 0);
            default -> throw new IllegalStateException("no copied column is a " + column.type());
        }
    }

    private void writeDerived(Column column, DerivedColumns derived) {
        Object value = switch (column.derived()) {
            case INSTANCE -> derived.instance();
            case NORMALIZED_METHOD_SIGNATURE -> derived.normalizedMethodSignature();
            case CLIENT -> derived.client();
            case CLIENT_VERSION -> derived.clientVersion();
            case ENTITY_ID -> derived.entityId();
            case RECORD_DATE -> derived.recordDate().toEpochDay();
        };
        if (value == null) {
            writeNull(column);
            return;
        }
        writeBranch(column);
        if (value instanceof String text) {
            writeString(text);
        } else {
            writeLong((Long) value);
        }
    }

    private void writeNull(Column column) {
        if (column.nullBranch() == NOT_A_UNION) {
            throw new IllegalStateException("a required column came out null: the contract and the core disagree");
        }
        writeByte(zigZag(column.nullBranch()));
    }

    private void writeBranch(Column column) {
        if (column.valueBranch() != NOT_A_UNION) {
            writeByte(zigZag(column.valueBranch()));
        }
    }

    /** The derived strings are short and nearly always ASCII, which the JDK encodes with a vectorised copy. */
    private void writeString(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        writeLong(utf8.length);
        writeRaw(utf8, 0, utf8.length);
    }

    /** Avro's int and long alike: zig-zag, then seven bits a byte, least significant first. */
    private void writeLong(long value) {
        ensure(10);
        long zigZag = (value << 1) ^ (value >> 63);
        while ((zigZag & ~0x7FL) != 0) {
            buffer[size++] = (byte) ((zigZag & 0x7F) | 0x80);
            zigZag >>>= 7;
        }
        buffer[size++] = (byte) zigZag;
    }

    /** A union's branch index as Avro writes it: an int, zig-zag encoded; one byte for the two branches here. */
    private static int zigZag(int branch) {
        return branch << 1;
    }

    private void writeByte(int value) {
        ensure(1);
        buffer[size++] = (byte) value;
    }

    private void writeRaw(byte[] bytes, int from, int length) {
        ensure(length);
        System.arraycopy(bytes, from, buffer, size, length);
        size += length;
    }

    private void ensure(int more) {
        if (size + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
        }
    }

    private static List<Column> plan(Schema processed, Schema payload) {
        return processed.getFields().stream()
                .map(column -> column(column, payload))
                .toList();
    }

    private static Column column(Schema.Field column, Schema payload) {
        Schema type = column.schema();
        int nullBranch = NOT_A_UNION;
        int valueBranch = NOT_A_UNION;
        if (type.getType() == Schema.Type.UNION) {
            List<Schema> branches = type.getTypes();
            if (branches.size() != 2) {
                throw new IllegalStateException(
                        "column " + column.name() + " is a union of other than null and one type");
            }
            nullBranch = indexOf(branches, Schema.Type.NULL);
            valueBranch = nullBranch == 0 ? 1 : 0;
            type = branches.get(valueBranch);
        }
        String field = PayloadColumns.fieldOf(column.name());
        if (field == null) {
            return new Column(type.getType(), -1, derived(column.name()), nullBranch, valueBranch);
        }
        Schema.Field source = payload.getField(field);
        if (source == null) {
            throw new IllegalStateException(
                    "column " + column.name() + " copies payload field " + field + ", which the contract lacks");
        }
        Schema sourceType = source.schema();
        boolean sourceNullable = sourceType.getType() == Schema.Type.UNION;
        if (sourceNullable) {
            sourceType = sourceType.getTypes().get(indexOf(sourceType.getTypes(), Schema.Type.NULL) == 0 ? 1 : 0);
        }
        if (sourceType.getType() != type.getType() || (sourceNullable && nullBranch == NOT_A_UNION)) {
            throw new IllegalStateException("column " + column.name() + " (" + column.schema()
                    + ") cannot hold payload field " + field + " (" + source.schema() + ")");
        }
        return new Column(type.getType(), source.pos(), null, nullBranch, valueBranch);
    }

    private static int indexOf(List<Schema> branches, Schema.Type wanted) {
        for (int i = 0; i < branches.size(); i++) {
            if (branches.get(i).getType() == wanted) {
                return i;
            }
        }
        throw new IllegalStateException("a union without null: " + branches);
    }

    private static Derived derived(String column) {
        try {
            return Derived.valueOf(column.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(
                    "column " + column
                            + " is neither copied (PayloadColumns) nor derived (DerivedColumns): give it a source",
                    e);
        }
    }
}
