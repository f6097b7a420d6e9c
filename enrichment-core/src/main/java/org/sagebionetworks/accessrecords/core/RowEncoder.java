package org.sagebionetworks.accessrecords.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import org.sagebionetworks.accessrecords.core.Outcome.Accepted;
import org.sagebionetworks.accessrecords.core.Outcome.Rejected;
import org.sagebionetworks.accessrecords.core.enrichment.ClientOfUserAgent;
import org.sagebionetworks.accessrecords.core.enrichment.DerivedColumns;
import org.sagebionetworks.accessrecords.core.enrichment.Enricher;
import org.sagebionetworks.accessrecords.core.enrichment.KnownUserAgents;
import org.sagebionetworks.accessrecords.core.output.EncodedRow;
import org.sagebionetworks.accessrecords.core.output.ProcessedRowWriter;
import org.sagebionetworks.accessrecords.core.validation.RawFields;
import org.sagebionetworks.accessrecords.core.validation.RawRecordParser;
import org.sagebionetworks.accessrecords.core.validation.RecordRules;
import org.sagebionetworks.accessrecords.core.validation.ScannedRecord;
import org.sagebionetworks.accessrecords.schema.ProcessedAccessRecord;

/**
 * Raw envelope bytes to the processed row's Avro bytes in one pass: a record of the common shape is scanned in
 * place, checked, enriched from the few fields the derived columns need, and written straight from its own bytes;
 * any other record takes {@link AccessRecordEnricher}'s path through objects, which judges it and encodes it
 * with the generated class. Both give the same bytes and the same rejections. Not thread-safe: one per thread.
 */
public final class RowEncoder {

    private final RawRecordParser parser;
    private final AccessRecordEnricher throughObjects;
    private final ScannedRecord scanned;
    private final ProcessedRowWriter writer = new ProcessedRowWriter();
    private final KnownUserAgents userAgents = new KnownUserAgents();

    public RowEncoder(RawRecordParser parser) {
        this.parser = parser;
        this.throughObjects = new AccessRecordEnricher(parser);
        this.scanned = parser.newScannedRecord();
    }

    public RowEncoder() {
        this(new RawRecordParser());
    }

    public Outcome<EncodedRow> encode(byte[] rawJson) {
        return encode(rawJson, 0, rawJson.length);
    }

    public Outcome<EncodedRow> encode(byte[] rawJson, int offset, int length) {
        if (parser.scan(rawJson, offset, length, scanned)) {
            return fromScan(scanned.nested(RawFields.PAYLOAD));
        }
        return throughObjects(rawJson, offset, length);
    }

    private Outcome<EncodedRow> fromScan(ScannedRecord payload) {
        String sessionId = payload.string(RawFields.SESSION_ID);
        String method = payload.string(RawFields.METHOD);
        String requestUrl = payload.string(RawFields.REQUEST_URL);
        long timestamp = payload.number(RawFields.TIMESTAMP);
        var violation = RecordRules.firstViolation(timestamp, sessionId, method, requestUrl.length());
        if (violation != null) {
            return Outcome.rejected(violation);
        }
        return AccessRecordEnricher.guarded(() -> {
            DerivedColumns derived = Enricher.derive(
                    method, requestUrl, clientOf(payload), payload.string(RawFields.INSTANCE), timestamp);
            return new EncodedRow(writer.write(payload, derived), sessionId, timestamp);
        });
    }

    private ClientOfUserAgent clientOf(ScannedRecord payload) {
        return payload.isNull(RawFields.USER_AGENT)
                ? ClientOfUserAgent.of(null)
                : userAgents.clientOf(
                        payload.source(), payload.start(RawFields.USER_AGENT), payload.end(RawFields.USER_AGENT));
    }

    private Outcome<EncodedRow> throughObjects(byte[] rawJson, int offset, int length) {
        Outcome<ProcessedAccessRecord> outcome = throughObjects.enrich(rawJson, offset, length);
        if (outcome instanceof Rejected<ProcessedAccessRecord> rejected) {
            return Outcome.rejected(rejected.rejection());
        }
        ProcessedAccessRecord row = ((Accepted<ProcessedAccessRecord>) outcome).value();
        return Outcome.accepted(new EncodedRow(
                bytesOf(row), row.getSessionId(), row.getTimestamp().toEpochMilli()));
    }

    /** The generated class's own single-object encoding, which the one-pass writer reproduces. */
    public static byte[] bytesOf(ProcessedAccessRecord row) {
        try {
            ByteBuffer buffer = row.toByteBuffer();
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
    }
}
