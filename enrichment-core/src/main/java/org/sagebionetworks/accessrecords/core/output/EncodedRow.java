package org.sagebionetworks.accessrecords.core.output;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.sagebionetworks.accessrecords.schema.ProcessedAccessRecord;

/**
 * A processed row as the processed topic carries it (Avro's single-object encoding of the current contract), with
 * the two columns the pipeline routes and deduplicates by, so that nothing decodes the row to read them.
 */
public record EncodedRow(byte[] message, String sessionId, long timestampMillis) {

    static final Schema SCHEMA = ProcessedAccessRecord.getClassSchema();
    /** Avro's single-object marker, then the writer schema's fingerprint, little-endian. */
    static final byte[] HEADER = header(SCHEMA);

    private static final int SESSION_ID = 0;
    private static final int TIMESTAMP = 1;

    static {
        List<Schema.Field> columns = SCHEMA.getFields();
        if (!columns.get(SESSION_ID).name().equals("session_id")
                || columns.get(SESSION_ID).schema().getType() != Schema.Type.STRING
                || !columns.get(TIMESTAMP).name().equals("timestamp")
                || columns.get(TIMESTAMP).schema().getType() != Schema.Type.LONG) {
            throw new IllegalStateException("EncodedRow reads session_id and timestamp as the first two columns, "
                    + "a string and a long; the contract moved them: " + SCHEMA);
        }
    }

    /**
     * Reads the key columns of a message this contract wrote.
     *
     * @throws IllegalArgumentException when the message is not a single-object encoding of the current contract
     */
    public static EncodedRow read(byte[] message) {
        if (message.length < HEADER.length || !Arrays.equals(message, 0, HEADER.length, HEADER, 0, HEADER.length)) {
            throw new IllegalArgumentException(
                    "not a row of the current contract (fingerprint " + fingerprint(SCHEMA) + ")");
        }
        try {
            int[] at = {HEADER.length};
            int length = (int) readLong(message, at);
            String sessionId = new String(message, at[0], length, StandardCharsets.UTF_8);
            at[0] += length;
            return new EncodedRow(message, sessionId, readLong(message, at));
        } catch (IndexOutOfBoundsException e) {
            throw new IllegalArgumentException("a row cut short: " + message.length + " bytes", e);
        }
    }

    /** Avro's long: a zig-zag varint, read at {@code at[0]}, which moves past it. */
    private static long readLong(byte[] bytes, int[] at) {
        long raw = 0;
        for (int shift = 0; ; shift += 7) {
            byte b = bytes[at[0]++];
            raw |= (long) (b & 0x7f) << shift;
            if (b >= 0) {
                return (raw >>> 1) ^ -(raw & 1);
            }
        }
    }

    /** The whole row, for a reader that needs every column (the tests compare rows so; the pipeline never does). */
    public ProcessedAccessRecord decode() {
        try {
            return ProcessedAccessRecord.fromByteBuffer(ByteBuffer.wrap(message));
        } catch (IOException e) {
            throw new IllegalArgumentException("not a row of the current contract: " + e, e);
        }
    }

    static String fingerprint(Schema schema) {
        return Long.toHexString(SchemaNormalization.parsingFingerprint64(schema));
    }

    private static byte[] header(Schema schema) {
        return ByteBuffer.allocate(10)
                .order(ByteOrder.LITTLE_ENDIAN)
                .put((byte) 0xC3)
                .put((byte) 0x01)
                .putLong(SchemaNormalization.parsingFingerprint64(schema))
                .array();
    }
}
