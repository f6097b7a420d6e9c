package org.sagebionetworks.accessrecords.service.enrich;

import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.sagebionetworks.accessrecords.core.AccessRecordEnricher;
import org.sagebionetworks.accessrecords.core.validation.RawRecordParser;
import org.sagebionetworks.accessrecords.service.dedup.ClockSkewLimit;
import org.sagebionetworks.accessrecords.service.metrics.PipelineMetrics;

/** The enrich step as the topology wires it: one processor per task, one shared core. */
public final class EnrichStep {

    private EnrichStep() {}

    public static ProcessorSupplier<byte[], byte[], byte[], Routed> processor(
            int maxRecordBytes, boolean inputKeyedBySessionId, ClockSkewLimit clockSkew, PipelineMetrics metrics) {
        AccessRecordEnricher enricher = new AccessRecordEnricher(new RawRecordParser(maxRecordBytes));
        return () -> new EnrichProcessor(enricher, metrics, inputKeyedBySessionId, clockSkew);
    }
}
