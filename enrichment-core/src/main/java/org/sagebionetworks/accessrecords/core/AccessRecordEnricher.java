package org.sagebionetworks.accessrecords.core;

import java.util.function.Supplier;
import org.sagebionetworks.accessrecords.core.Outcome.Accepted;
import org.sagebionetworks.accessrecords.core.Outcome.Rejected;
import org.sagebionetworks.accessrecords.core.enrichment.Enricher;
import org.sagebionetworks.accessrecords.core.validation.RawRecordParser;
import org.sagebionetworks.accessrecords.core.validation.Rejection;
import org.sagebionetworks.accessrecords.core.validation.RejectionReason;
import org.sagebionetworks.accessrecords.schema.ProcessedAccessRecord;
import org.sagebionetworks.accessrecords.schema.RawAccessRecordEnvelope;

/**
 * The one processing path every entry point shares (the enrich command, the Kafka Streams service, the
 * archive loader, the benchmarks): raw envelope bytes in, a processed record or a rejection out.
 */
public final class AccessRecordEnricher {

    private final RawRecordParser parser;

    public AccessRecordEnricher(RawRecordParser parser) {
        this.parser = parser;
    }

    public AccessRecordEnricher() {
        this(new RawRecordParser());
    }

    public Outcome<ProcessedAccessRecord> enrich(byte[] rawJson) {
        return enrich(rawJson, 0, rawJson.length);
    }

    public Outcome<ProcessedAccessRecord> enrich(byte[] rawJson, int offset, int length) {
        Outcome<RawAccessRecordEnvelope> parsed = parser.parse(rawJson, offset, length);
        if (parsed instanceof Rejected<RawAccessRecordEnvelope> rejected) {
            return Outcome.rejected(rejected.rejection());
        }
        RawAccessRecordEnvelope envelope = ((Accepted<RawAccessRecordEnvelope>) parsed).value();
        return guarded(() -> Enricher.enrich(envelope.getPayload()));
    }

    /** A defect in enrichment must not cost the record: it is rejected with the cause and can be replayed once fixed. */
    static <T> Outcome<T> guarded(Supplier<T> enrichment) {
        try {
            return Outcome.accepted(enrichment.get());
        } catch (RuntimeException e) {
            return Outcome.rejected(Rejection.ofRecord(RejectionReason.ENRICHMENT_FAILED, e.toString()));
        }
    }
}
