package org.sagebionetworks.accessrecords.service.enrich;

import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.sagebionetworks.accessrecords.core.RowEncoder;
import org.sagebionetworks.accessrecords.core.validation.RawRecordParser;
import org.sagebionetworks.accessrecords.service.dedup.ClockSkewLimit;
import org.sagebionetworks.accessrecords.service.metrics.PipelineMetrics;

/** The enrich step as the topology wires it: one processor per task, each with its own encoder (it reuses buffers), one shared parser. */
public final class EnrichStep {

    private EnrichStep() {}

    public static ProcessorSupplier<byte[], byte[], byte[], Routed> processor(
            int maxRecordBytes, boolean inputKeyedBySessionId, ClockSkewLimit clockSkew, PipelineMetrics metrics) {
        RawRecordParser parser = new RawRecordParser(maxRecordBytes);
        return () -> new EnrichProcessor(new RowEncoder(parser), metrics, inputKeyedBySessionId, clockSkew);
    }
}
