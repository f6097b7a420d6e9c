package org.sagebionetworks.accessrecords.service.dedup;

import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.sagebionetworks.accessrecords.core.output.EncodedRow;
import org.sagebionetworks.accessrecords.service.metrics.PipelineMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drops a row already seen within the horizon, on event time, so a replay decides exactly as the first run did.
 * "Already seen" means the same session_id at the same timestamp: the legacy warehouse's natural key, and what
 * a producer retry repeats (a session id names one request, whose start time does not change). That makes the
 * check a point lookup, not a range scan. A row older than the newest seen minus the horizon can no longer be
 * checked (the store has let that time go) and is emitted and counted as late.
 *
 * <p>The newest event time is kept in a store of its own, not taken from stream time: Kafka Streams' stream
 * time follows the raw topic's record timestamps, which are the producer's clock, not the request's. No row
 * arrives here further ahead of its arrival than {@link ClockSkewLimit} allows; a newest event time beyond it was
 * stored before that limit existed, by a record that would now be a dead letter, and is forgotten.
 */
final class DedupProcessor implements FixedKeyProcessor<byte[], EncodedRow, EncodedRow> {

    private static final Logger LOG = LoggerFactory.getLogger(DedupProcessor.class);
    private static final byte[] SEEN = {1};
    private static final String NEWEST = "newest";

    private final long horizonMillis;
    private final ClockSkewLimit clockSkew;
    private final PipelineMetrics metrics;
    private FixedKeyProcessorContext<byte[], EncodedRow> context;
    private WindowStore<byte[], byte[]> seen;
    private KeyValueStore<String, Long> eventTime;

    DedupProcessor(Duration horizon, ClockSkewLimit clockSkew, PipelineMetrics metrics) {
        this.horizonMillis = horizon.toMillis();
        this.clockSkew = clockSkew;
        this.metrics = metrics;
    }

    @Override
    public void init(FixedKeyProcessorContext<byte[], EncodedRow> context) {
        this.context = context;
        this.seen = context.getStateStore(DedupStep.SEEN_SESSIONS);
        this.eventTime = context.getStateStore(DedupStep.NEWEST_EVENT_TIME);
    }

    @Override
    public void process(FixedKeyRecord<byte[], EncodedRow> record) {
        long timestamp = record.value().timestampMillis();
        Long newest = reachableNewest();
        if (newest != null && timestamp < newest - horizonMillis) {
            metrics.lateRecord();
            emit(record, timestamp);
            return;
        }
        if (alreadySeen(record.key(), timestamp)) {
            metrics.duplicateDropped();
            return;
        }
        seen.put(record.key(), SEEN, timestamp);
        if (newest == null || timestamp > newest) {
            eventTime.put(NEWEST, timestamp);
        }
        emit(record, timestamp);
    }

    private Long reachableNewest() {
        Long newest = eventTime.get(NEWEST);
        if (newest != null && !clockSkew.reachable(newest, context.currentSystemTimeMs())) {
            LOG.warn(
                    "Task {}: the dedup clock stood at {}, further ahead of now than "
                            + "access-records.dedup.max-clock-skew ({}) allows; a record from before that limit set it. "
                            + "Forgetting it: the next record sets the clock.",
                    context.taskId(),
                    Instant.ofEpochMilli(newest),
                    clockSkew.maxSkew());
            eventTime.delete(NEWEST);
            return null;
        }
        return newest;
    }

    private boolean alreadySeen(byte[] sessionId, long timestamp) {
        return seen.fetch(sessionId, timestamp) != null;
    }

    private void emit(FixedKeyRecord<byte[], EncodedRow> record, long timestamp) {
        context.forward(record);
        metrics.recordOut(timestamp);
    }
}
