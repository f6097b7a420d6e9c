package org.sagebionetworks.accessrecords.core.validation;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.avro.Schema;
import org.sagebionetworks.accessrecords.schema.RawAccessRecordEnvelope;

/**
 * Reads a raw record in one pass over its bytes, building no objects, when it has the shape Synapse writes: an
 * object of the contract's fields with values of their types, strings without escapes, integers that fit in 18
 * digits, unknown fields holding only such scalars, each field once. That is nearly every record; anything else
 * (escapes, floats, nested unknowns, repeated fields, every malformed or ill-typed record) it declines, and
 * {@link RawRecordParser} decides, so every rejection keeps its one reason and wording. It accepts only what
 * {@link Utf8Text} accepts, checking as it goes rather than in a pass of its own: bytes outside ASCII may only
 * stand in strings, where each sequence must be well-formed; NUL, a byte order mark and escapes are declined. An
 * accepted string's bytes are then exactly its value's UTF-8.
 */
public final class RawRecordScanner {

    /** What {@code readName} returns when no string stands where a name must. */
    private static final int NOT_A_NAME = -2;
    /** 18 digits always fit a long; longer numbers are left to the parser, which knows when they do not. */
    private static final int MAX_DIGITS = 18;

    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101_0101_0101_0101L;
    private static final long HIGH_BITS = 0x8080_8080_8080_8080L;
    private static final long QUOTES = ONES * '"';
    private static final long BACKSLASHES = ONES * '\\';
    private static final long ZEROS = ONES * '0';
    /** Added to a byte's digit value, it reaches the high bit from 10 up. */
    private static final long DIGIT_CEILING = ONES * (0x80 - 10);
    /** Bytes below it are control characters, which a JSON string may not hold raw. */
    private static final long CONTROL_BOUND = ONES * 0x20;

    private final Shape envelope = Shape.of(RawAccessRecordEnvelope.getClassSchema());

    /** A record to scan into, shaped like the envelope; reuse it for every scan on one thread. */
    public ScannedRecord newRecord() {
        return envelope.newRecord();
    }

    /** Whether {@code bytes[from, to)} was read into {@code into}; false hands the record to the parser. */
    public boolean scan(byte[] bytes, int from, int to, ScannedRecord into) {
        Cursor cursor = new Cursor(bytes, from, to);
        cursor.skipWhitespace();
        if (!cursor.take('{') || !cursor.readObject(envelope, into)) {
            return false;
        }
        cursor.skipWhitespace();
        return cursor.at == to;
    }

    /** One record schema's field names as bytes, types and which must be present. */
    private static final class Shape {
        final Schema schema;
        final byte[][] names;
        final Schema.Type[] types;
        final Shape[] nested;
        final long nullable;

        private Shape(Schema schema) {
            List<Schema.Field> fields = schema.getFields();
            this.schema = schema;
            this.names = new byte[fields.size()][];
            this.types = new Schema.Type[fields.size()];
            this.nested = new Shape[fields.size()];
            long nullableFields = 0;
            for (Schema.Field field : fields) {
                Schema type = RecordShape.nonNullBranch(field.schema());
                names[field.pos()] = field.name().getBytes(StandardCharsets.UTF_8);
                types[field.pos()] = type.getType();
                nested[field.pos()] = type.getType() == Schema.Type.RECORD ? new Shape(type) : null;
                if (type != field.schema()) {
                    nullableFields |= 1L << field.pos();
                }
            }
            this.nullable = nullableFields;
        }

        static Shape of(Schema schema) {
            return new Shape(schema);
        }

        ScannedRecord newRecord() {
            ScannedRecord[] records = new ScannedRecord[nested.length];
            for (int i = 0; i < nested.length; i++) {
                records[i] = nested[i] == null ? null : nested[i].newRecord();
            }
            return new ScannedRecord(schema, records);
        }

        int find(byte[] bytes, int start, int end) {
            for (int i = 0; i < names.length; i++) {
                if (matches(i, bytes, start, end)) {
                    return i;
                }
            }
            return -1;
        }

        private boolean matches(int position, byte[] bytes, int start, int end) {
            return names[position].length == end - start && sameBytes(names[position], bytes, start);
        }

        /** Whether the name of the field at {@code position}, in quotes, stands at {@code at}. */
        boolean quotedNameAt(int position, byte[] bytes, int at, int limit) {
            byte[] name = names[position];
            int closing = at + name.length + 1;
            return closing < limit && bytes[at] == '"' && bytes[closing] == '"' && sameBytes(name, bytes, at + 1);
        }

        /** Words, then bytes; not Arrays.equals, whose vectorised call costs more than the compare for names this short. */
        private static boolean sameBytes(byte[] name, byte[] bytes, int start) {
            int i = 0;
            for (; i + Long.BYTES <= name.length; i += Long.BYTES) {
                if ((long) WORDS.get(name, i) != (long) WORDS.get(bytes, start + i)) {
                    return false;
                }
            }
            for (; i < name.length; i++) {
                if (name[i] != bytes[start + i]) {
                    return false;
                }
            }
            return true;
        }

        boolean nullable(int position) {
            return (nullable & 1L << position) != 0;
        }

        boolean allRequiredPresent(ScannedRecord record) {
            for (int i = 0; i < names.length; i++) {
                if (!nullable(i) && record.isNull(i)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** The scan's position; every method returns false, leaving the verdict to the parser, at the unexpected. */
    private static final class Cursor {
        final byte[] in;
        final int limit;
        int at;
        int textStart;
        int textEnd;
        long number;

        Cursor(byte[] in, int from, int to) {
            this.in = in;
            this.at = from;
            this.limit = to;
        }

        boolean readObject(Shape shape, ScannedRecord record) {
            record.clear(in);
            skipWhitespace();
            if (take('}')) {
                return shape.allRequiredPresent(record);
            }
            int previous = -1;
            do {
                skipWhitespace();
                int field = readName(shape, previous + 1);
                if (field == NOT_A_NAME) {
                    return false;
                }
                skipWhitespace();
                if (!take(':')) {
                    return false;
                }
                skipWhitespace();
                if (field < 0 ? !skipScalar() : record.has(field) || !readValue(shape, field, record)) {
                    return false;
                }
                previous = field;
                skipWhitespace();
            } while (take(','));
            return take('}') && shape.allRequiredPresent(record);
        }

        /**
         * The position of the field whose name comes next, -1 for a name the contract does not have, or
         * {@link #NOT_A_NAME}. Names usually come in the writer's order, so the expected one is compared in place,
         * quotes included, before the name is read and looked up.
         */
        private int readName(Shape shape, int expected) {
            if (expected < shape.names.length && shape.quotedNameAt(expected, in, at, limit)) {
                at += shape.names[expected].length + 2;
                return expected;
            }
            return readText() ? shape.find(in, textStart, textEnd) : NOT_A_NAME;
        }

        private boolean readValue(Shape shape, int field, ScannedRecord record) {
            if (peek() == 'n') {
                record.putNull(field);
                return shape.nullable(field) && literal("null");
            }
            switch (shape.types[field]) {
                case STRING:
                    if (!readText()) {
                        return false;
                    }
                    record.putText(field, textStart, textEnd);
                    return true;
                case LONG:
                    if (!readInteger()) {
                        return false;
                    }
                    record.putNumber(field, number);
                    return true;
                case BOOLEAN:
                    if (!readBoolean()) {
                        return false;
                    }
                    record.putNumber(field, number);
                    return true;
                case RECORD:
                    if (!take('{') || !readObject(shape.nested[field], record.nested(field))) {
                        return false;
                    }
                    record.putNumber(field, 0);
                    return true;
                default:
                    return false;
            }
        }

        private boolean skipScalar() {
            switch (peek()) {
                case '"':
                    return readText();
                case 't':
                case 'f':
                    return readBoolean();
                case 'n':
                    return literal("null");
                default:
                    return readInteger();
            }
        }

        /** A string without escapes or control characters: its bytes lie in [textStart, textEnd). */
        private boolean readText() {
            if (!take('"')) {
                return false;
            }
            textStart = at;
            int next = at;
            while (next + Long.BYTES <= limit && plain((long) WORDS.get(in, next))) {
                next += Long.BYTES;
            }
            while (next < limit) {
                byte b = in[next];
                if (b == '"') {
                    textEnd = next;
                    at = next + 1;
                    return true;
                }
                if (b < 0) {
                    next = Utf8Text.afterMultiByte(in, next, limit);
                    if (next < 0) {
                        return false;
                    }
                } else if (b == '\\' || b < 0x20) {
                    return false;
                } else {
                    next++;
                }
            }
            return false;
        }

        /** Whether a word's bytes are all ASCII but quote, backslash and control characters: 8 bytes a step. */
        private static boolean plain(long word) {
            long quotes = word ^ QUOTES;
            long backslashes = word ^ BACKSLASHES;
            long found = ((quotes - ONES) & ~quotes)
                    | ((backslashes - ONES) & ~backslashes)
                    | ((word - CONTROL_BOUND) & ~word);
            return ((found | word) & HIGH_BITS) == 0;
        }

        /** JSON's integer: an optional minus, then 0 or digits not starting with 0; no fraction or exponent. */
        private boolean readInteger() {
            boolean negative = take('-');
            int start = at;
            int end = start;
            long value = 0;
            for (long word;
                    end + Long.BYTES <= limit && allDigits(word = (long) WORDS.get(in, end));
                    end += Long.BYTES) {
                value = value * 100_000_000L + eightDigits(word);
            }
            while (end < limit && in[end] >= '0' && in[end] <= '9') {
                value = value * 10 + (in[end++] - '0');
            }
            at = end;
            int digits = end - start;
            if (digits == 0 || digits > MAX_DIGITS || (digits > 1 && in[start] == '0')) {
                return false;
            }
            if (at < limit && (in[at] == '.' || in[at] == 'e' || in[at] == 'E')) {
                return false;
            }
            number = negative ? -value : value;
            return true;
        }

        /** Whether all eight bytes are ASCII digits: a byte outside '0'-'9' sets its high bit in one of the two. */
        private static boolean allDigits(long word) {
            long digits = word - ZEROS;
            return (((digits + DIGIT_CEILING) | digits) & HIGH_BITS) == 0;
        }

        /** The value of eight ASCII digits, first in the lowest byte: pairs, then fours, then the eight combined. */
        private static long eightDigits(long word) {
            long pairs = ((word & 0x0F0F_0F0F_0F0F_0F0FL) * 2561) >>> 8;
            long fours = ((pairs & 0x00FF_00FF_00FF_00FFL) * 6_553_601) >>> 16;
            return ((fours & 0x0000_FFFF_0000_FFFFL) * 42_949_672_960_001L) >>> 32;
        }

        private boolean readBoolean() {
            if (literal("true")) {
                number = 1;
                return true;
            }
            number = 0;
            return literal("false");
        }

        private boolean literal(String word) {
            int length = word.length();
            if (limit - at < length) {
                return false;
            }
            for (int i = 0; i < length; i++) {
                if (in[at + i] != word.charAt(i)) {
                    return false;
                }
            }
            at += length;
            return true;
        }

        boolean take(char expected) {
            if (at < limit && in[at] == expected) {
                at++;
                return true;
            }
            return false;
        }

        private int peek() {
            return at < limit ? in[at] : -1;
        }

        void skipWhitespace() {
            int next = at;
            while (next < limit && isWhitespace(in[next])) {
                next++;
            }
            at = next;
        }

        private static boolean isWhitespace(byte b) {
            return b == ' ' || b == '\n' || b == '\r' || b == '\t';
        }
    }
}
