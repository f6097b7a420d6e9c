package org.sagebionetworks.accessrecords.service.enrich;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.sagebionetworks.accessrecords.core.Outcome;
import org.sagebionetworks.accessrecords.core.Outcome.Accepted;
import org.sagebionetworks.accessrecords.core.Outcome.Rejected;
import org.sagebionetworks.accessrecords.core.RowEncoder;
import org.sagebionetworks.accessrecords.core.output.EncodedRow;
import org.sagebionetworks.accessrecords.core.validation.Rejection;
import org.sagebionetworks.accessrecords.kafka.DeadLetterHeaders;
import org.sagebionetworks.accessrecords.service.dedup.ClockSkewLimit;
import org.sagebionetworks.accessrecords.service.metrics.PipelineMetrics;

/**
 * Raw bytes to a row keyed by session_id, or to a dead letter with the reason and the source coordinates.
 * Nothing leaves here without one of the two. A row stamped further ahead of its arrival than the clock skew
 * allows is a dead letter too: it would switch dedup off for the records after it (see {@link ClockSkewLimit}).
 *
 * <p>Both leave stamped with processing time, not event time: Kafka deletes by record timestamp, so a backfill
 * of month-old records stamped with their event time would be deleted from the dedup changelog, the processed
 * topic and the dead-letter topic by the next retention check, before anyone read them. The event time travels
 * in the row ({@code timestamp}), which is what dedup and the S3 sink use.
 */
final class EnrichProcessor implements Processor<byte[], byte[], byte[], Routed> {

    private static final byte[] NO_BYTES = new byte[0];

    private final RowEncoder encoder;
    private final PipelineMetrics metrics;
    private final boolean inputKeyedBySessionId;
    private final ClockSkewLimit clockSkew;
    private ProcessorContext<byte[], Routed> context;

    EnrichProcessor(
            RowEncoder encoder, PipelineMetrics metrics, boolean inputKeyedBySessionId, ClockSkewLimit clockSkew) {
        this.encoder = encoder;
        this.metrics = metrics;
        this.inputKeyedBySessionId = inputKeyedBySessionId;
        this.clockSkew = clockSkew;
    }

    @Override
    public void init(ProcessorContext<byte[], Routed> context) {
        this.context = context;
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        metrics.recordIn();
        byte[] value = record.value() == null ? NO_BYTES : record.value();
        Outcome<EncodedRow> outcome = encoder.encode(value);
        if (outcome instanceof Accepted<EncodedRow> accepted) {
            routeRow(record, value, accepted.value());
        } else {
            forwardDeadLetter(record, value, ((Rejected<EncodedRow>) outcome).rejection());
        }
    }

    private void routeRow(Record<byte[], byte[]> record, byte[] value, EncodedRow row) {
        Optional<Rejection> tooFarAhead =
                clockSkew.check(row.timestampMillis(), record.timestamp(), context.currentSystemTimeMs());
        if (tooFarAhead.isPresent()) {
            forwardDeadLetter(record, value, tooFarAhead.get());
        } else {
            forwardRow(record, row);
        }
    }

    private void forwardRow(Record<byte[], byte[]> record, EncodedRow row) {
        byte[] sessionId = row.sessionId().getBytes(StandardCharsets.UTF_8);
        if (inputKeyedBySessionId && !Arrays.equals(sessionId, record.key())) {
            metrics.keyMismatch();
        }
        context.forward(
                new Record<>(sessionId, new Routed.Enriched(row), context.currentSystemTimeMs(), new RecordHeaders()));
    }

    private void forwardDeadLetter(Record<byte[], byte[]> record, byte[] value, Rejection rejection) {
        metrics.deadLettered(rejection.reason().name());
        var source = context.recordMetadata()
                .orElseThrow(() -> new IllegalStateException("a raw record always comes from the raw topic"));
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        DeadLetterHeaders.add(
                headers,
                rejection.reason().name(),
                rejection.message(),
                source.topic(),
                source.partition(),
                source.offset(),
                record.timestamp());
        context.forward(record.withValue((Routed) new Routed.DeadLetter(value))
                .withHeaders(headers)
                .withTimestamp(context.currentSystemTimeMs()));
    }
}
