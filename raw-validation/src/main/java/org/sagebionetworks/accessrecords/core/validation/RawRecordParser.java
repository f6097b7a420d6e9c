package org.sagebionetworks.accessrecords.core.validation;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.apache.avro.specific.SpecificRecordBase;
import org.sagebionetworks.accessrecords.core.Outcome;
import org.sagebionetworks.accessrecords.schema.RawAccessRecord;
import org.sagebionetworks.accessrecords.schema.RawAccessRecordEnvelope;
import org.sagebionetworks.accessrecords.schema.RecordLimits;

/**
 * Raw envelope bytes to a typed, validated {@link RawAccessRecordEnvelope}, or the reason it cannot be one.
 * The contract schema decides everything about shape: which fields exist, their types, and which are required
 * (those whose type is not a union with null). Unknown fields are ignored, so Synapse may add fields first and
 * the contract may follow. {@link Utf8Text} first rejects bytes that are not UTF-8 text, and {@link RecordRules}
 * then rejects values that are well-typed but impossible.
 */
public final class RawRecordParser {

    private static final JsonFactory JSON = new JsonFactory();
    /** Jackson names a source it was told not to include; the byte offset says where without the noise. */
    private static final Pattern REDACTED_SOURCE = Pattern.compile("\\[Source: [^;\\]]*; ");
    /** The contract's records by full name; a record added to the contract needs its class here too. */
    private static final Map<String, Supplier<SpecificRecordBase>> RECORDS = Map.of(
            RawAccessRecordEnvelope.getClassSchema().getFullName(), RawAccessRecordEnvelope::new,
            RawAccessRecord.getClassSchema().getFullName(), RawAccessRecord::new);

    private final int maxRecordBytes;
    private final RecordShape envelope = RecordShape.of(RawAccessRecordEnvelope.getClassSchema(), "", RECORDS);
    private final RawRecordScanner scanner = new RawRecordScanner();

    public RawRecordParser(int maxRecordBytes) {
        if (maxRecordBytes <= 0) {
            throw new IllegalArgumentException("maxRecordBytes must be positive, was " + maxRecordBytes);
        }
        this.maxRecordBytes = maxRecordBytes;
    }

    public RawRecordParser() {
        this(RecordLimits.MAX_RECORD_BYTES);
    }

    /** A record to {@link #scan} into; one per thread. */
    public ScannedRecord newScannedRecord() {
        return scanner.newRecord();
    }

    /**
     * Reads the record into {@code into} without building it when it is within the size limit, UTF-8 text, and of
     * the shape {@link RawRecordScanner} reads; false when {@link #parse} must judge it. The scanned values are
     * well-typed; the caller checks {@link RecordRules} on them.
     */
    public boolean scan(byte[] json, int offset, int length, ScannedRecord into) {
        return length <= maxRecordBytes && scanner.scan(json, offset, offset + length, into);
    }

    /**
     * The verdict of {@link #parse} and, for a valid record, its key; reached in one pass without building the
     * record when it has the common shape. {@code scratch} comes from {@link #newScannedRecord}, one per thread.
     */
    public Outcome<RecordKey> validate(byte[] json, int offset, int length, ScannedRecord scratch) {
        if (scan(json, offset, length, scratch)) {
            ScannedRecord payload = scratch.nested(RawFields.PAYLOAD);
            String sessionId = payload.string(RawFields.SESSION_ID);
            long timestamp = payload.number(RawFields.TIMESTAMP);
            Rejection violation = RecordRules.firstViolation(
                    timestamp,
                    sessionId,
                    payload.string(RawFields.METHOD),
                    payload.string(RawFields.REQUEST_URL).length());
            return violation == null
                    ? Outcome.accepted(new RecordKey(sessionId, timestamp))
                    : Outcome.rejected(violation);
        }
        Outcome<RawAccessRecordEnvelope> parsed = parse(json, offset, length);
        if (parsed instanceof Outcome.Rejected) {
            return Outcome.rejected(((Outcome.Rejected<RawAccessRecordEnvelope>) parsed).rejection());
        }
        RawAccessRecord payload =
                ((Outcome.Accepted<RawAccessRecordEnvelope>) parsed).value().getPayload();
        return Outcome.accepted(new RecordKey(payload.getSessionId(), payload.getTimestamp()));
    }

    public Outcome<RawAccessRecordEnvelope> parse(byte[] json) {
        return parse(json, 0, json.length);
    }

    public Outcome<RawAccessRecordEnvelope> parse(byte[] json, int offset, int length) {
        if (length > maxRecordBytes) {
            return Outcome.rejected(Rejection.tooLarge(length, maxRecordBytes));
        }
        String notText = Utf8Text.problem(json, offset, offset + length);
        if (notText != null) {
            return Outcome.rejected(Rejection.ofRecord(RejectionReason.MALFORMED_JSON, notText));
        }
        // Checked text holds no NUL, FE or FF byte, which Jackson's guesses at UTF-16 and UTF-32 need: it reads UTF-8.
        try (JsonParser parser = JSON.createParser(json, offset, length)) {
            RawAccessRecordEnvelope record = (RawAccessRecordEnvelope) readDocument(parser);
            Rejection violation = RecordRules.firstViolation(record.getPayload());
            return violation == null ? Outcome.accepted(record) : Outcome.rejected(violation);
        } catch (RecordRejectedException e) {
            return Outcome.rejected(e.rejection());
        } catch (JsonProcessingException e) {
            return Outcome.rejected(Rejection.ofRecord(RejectionReason.MALFORMED_JSON, describe(e)));
        } catch (IOException e) {
            throw new UncheckedIOException("reading from a byte array cannot fail", e);
        }
    }

    private SpecificRecordBase readDocument(JsonParser parser) throws IOException, RecordRejectedException {
        JsonToken first = parser.nextToken();
        if (first == null) {
            throw new RecordRejectedException(Rejection.ofRecord(RejectionReason.MALFORMED_JSON, "empty input"));
        }
        if (first != JsonToken.START_OBJECT) {
            throw new RecordRejectedException(Rejection.ofRecord(
                    RejectionReason.WRONG_TYPE, "expected a JSON object, got " + RecordShape.describe(first)));
        }
        SpecificRecordBase record = envelope.read(parser);
        if (parser.nextToken() != null) {
            throw new RecordRejectedException(
                    Rejection.ofRecord(RejectionReason.MALFORMED_JSON, "more than one JSON value on the line"));
        }
        return record;
    }

    private static String describe(JsonProcessingException e) {
        var location = e.getLocation();
        String where = location == null ? "" : " at byte " + location.getByteOffset();
        return REDACTED_SOURCE.matcher(e.getOriginalMessage()).replaceAll("[") + where;
    }
}
