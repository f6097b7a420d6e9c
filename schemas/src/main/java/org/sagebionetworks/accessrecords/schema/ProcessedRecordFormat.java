package org.sagebionetworks.accessrecords.schema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BadHeaderException;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.message.MissingSchemaException;

/**
 * The processed topic's messages: Avro's single-object encoding of a processed row (the marker {@code C3 01}, the
 * writer schema's 64-bit parsing fingerprint, the binary body). The fingerprint names the writer schema without a
 * registry server; readers know every released version and resolve it to the current schema by Avro's rules.
 */
public final class ProcessedRecordFormat {

    private final Schema current;
    private final BinaryMessageEncoder<GenericRecord> encoder;
    private final BinaryMessageDecoder<GenericRecord> decoder;
    private final List<String> knownFingerprints;

    /** Writes the current contract schema; reads every released version. */
    public static ProcessedRecordFormat ofContract() {
        return new ProcessedRecordFormat(AccessRecordContract.processed(), AccessRecordContract.releasedProcessed());
    }

    public ProcessedRecordFormat(Schema current, List<Schema> writerSchemas) {
        this.current = current;
        this.encoder = new BinaryMessageEncoder<>(GenericData.get(), current);
        this.decoder = new BinaryMessageDecoder<>(GenericData.get(), current);
        writerSchemas.forEach(decoder::addSchema);
        this.knownFingerprints = writerSchemas.stream()
                .map(schema -> Long.toHexString(SchemaNormalization.parsingFingerprint64(schema)))
                .collect(Collectors.toList());
    }

    /** The schema rows are written with and read as. */
    public Schema current() {
        return current;
    }

    public byte[] encode(GenericRecord row) {
        try {
            ByteBuffer buffer = encoder.encode(row);
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
    }

    /**
     * The row in the current schema's shape, whichever released version wrote it.
     *
     * @throws UnreadableRowException when the bytes are not a single-object encoding, name a writer schema that
     *     is not a released version, or do not match it
     */
    public GenericRecord decode(byte[] message) {
        try {
            return decoder.decode(message);
        } catch (MissingSchemaException e) {
            throw new UnreadableRowException(
                    "written with an unknown schema (fingerprint " + fingerprintOf(message)
                            + "); known: " + knownFingerprints
                            + ". A newer enricher wrote it: deploy the reader (converter) of that release first",
                    e);
        } catch (BadHeaderException e) {
            throw new UnreadableRowException("not Avro's single-object encoding: " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            throw new UnreadableRowException("does not match its writer schema: " + e, e);
        }
    }

    private static String fingerprintOf(byte[] message) {
        if (message.length < 10) {
            return "(too short)";
        }
        return Long.toHexString(
                ByteBuffer.wrap(message, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong());
    }

    /** A message no reader of the processed topic can turn into a row. */
    public static final class UnreadableRowException extends RuntimeException {
        UnreadableRowException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
