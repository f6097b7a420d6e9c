package org.sagebionetworks.accessrecords.service.dedup;

import java.time.Duration;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.sagebionetworks.accessrecords.core.output.EncodedRow;
import org.sagebionetworks.accessrecords.service.metrics.PipelineMetrics;

/**
 * The dedup step with its two stores, both changelogged, so exactly-once covers them. Only the newest-event-time
 * store is cached: it is written for nearly every record under one key, and the cache turns those writes into
 * one changelog record per commit. Each session id is written once, so a cache in front of the window store
 * would only add work (it cost a tenth of the service's CPU when it was there).
 */
public final class DedupStep {

    public static final String SEEN_SESSIONS = "dedup-seen-sessions";
    public static final String NEWEST_EVENT_TIME = "dedup-newest-event-time";
    /** Each sighting is a point in time; the window only needs to be non-empty. */
    private static final Duration SIGHTING = Duration.ofMillis(1);

    private DedupStep() {}

    public static FixedKeyProcessorSupplier<byte[], EncodedRow, EncodedRow> processor(
            Duration horizon, ClockSkewLimit clockSkew, PipelineMetrics metrics) {
        return new FixedKeyProcessorSupplier<>() {
            @Override
            public FixedKeyProcessor<byte[], EncodedRow, EncodedRow> get() {
                return new DedupProcessor(horizon, clockSkew, metrics);
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return Set.of(seenSessions(horizon), newestEventTime());
            }
        };
    }

    private static StoreBuilder<WindowStore<byte[], byte[]>> seenSessions(Duration horizon) {
        return Stores.windowStoreBuilder(
                        Stores.persistentWindowStore(SEEN_SESSIONS, horizon.plus(SIGHTING), SIGHTING, false),
                        Serdes.ByteArray(),
                        Serdes.ByteArray())
                .withCachingDisabled();
    }

    private static StoreBuilder<KeyValueStore<String, Long>> newestEventTime() {
        return Stores.keyValueStoreBuilder(
                        Stores.persistentKeyValueStore(NEWEST_EVENT_TIME), Serdes.String(), Serdes.Long())
                .withCachingEnabled();
    }
}
