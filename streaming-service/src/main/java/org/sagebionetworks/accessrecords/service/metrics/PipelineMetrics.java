package org.sagebionetworks.accessrecords.service.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleSupplier;
import org.sagebionetworks.accessrecords.schema.ServiceMetricNames;

/**
 * The service's own counters, next to Kafka Streams' metrics on {@code /prometheus}. They count processing, so
 * after a crash the records re-processed since the last commit are counted again; the topics themselves are
 * exactly-once.
 */
public final class PipelineMetrics {

    public static final String PREFIX = "access.records.";
    /** The gauge of {@link #watchTablePendingAge}, tagged with its sink. */
    public static final String TABLE_PENDING_AGE = PREFIX + "table.pending.age.seconds";

    private final MeterRegistry registry;
    private final Counter in;
    private final Counter out;
    private final Counter duplicates;
    private final Counter late;
    private final Counter keyMismatches;
    private final Counter productionErrors;
    private final Map<String, Counter> deadLettered = new ConcurrentHashMap<>();
    private final AtomicLong newestEventTime = new AtomicLong(Long.MIN_VALUE);

    public PipelineMetrics(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.in = counter("in", "Raw records read from the raw topic.");
        this.out = counter("out", "Processed records written to the processed topic.");
        this.duplicates = counter("duplicates.dropped", "Records dropped because their session_id was already seen.");
        this.late = counter("late", "Records older than the dedup horizon; emitted without a duplicate check.");
        this.keyMismatches = counter(
                "key.mismatch",
                "Raw records whose Kafka key is not their sessionId while the input is declared keyed by it.");
        this.productionErrors = counter(
                "production.errors",
                "Records a topic refused or that could not be serialized for it; each stops the stream thread.");
        Gauge.builder(
                        PREFIX + "event.time.lag.seconds",
                        newestEventTime,
                        newest ->
                                newest.get() == Long.MIN_VALUE ? Double.NaN : (clock.millis() - newest.get()) / 1000.0)
                .description("Now minus the timestamp of the newest record processed.")
                .register(registry);
    }

    public void recordIn() {
        in.increment();
    }

    public void recordOut(long eventTimeMillis) {
        out.increment();
        newestEventTime.accumulateAndGet(eventTimeMillis, Math::max);
    }

    public void duplicateDropped() {
        duplicates.increment();
    }

    public void lateRecord() {
        late.increment();
    }

    public void keyMismatch() {
        keyMismatches.increment();
    }

    public void productionError() {
        productionErrors.increment();
    }

    /** Publishes {@code up} as 1 or 0; held strongly, since a gauge otherwise lets go of what it watches. */
    public void watchStreams(BooleanSupplier up) {
        Gauge.builder(PREFIX + "streams.up", up, watched -> watched.getAsBoolean() ? 1 : 0)
                .description("1 while Kafka Streams runs (RUNNING or REBALANCING, not stopped by the failure policy).")
                .strongReference(true)
                .register(registry);
    }

    /**
     * Publishes how long the oldest row {@code sinkGroup}'s sink has not committed has waited, in seconds; NaN
     * publishes nothing. Held strongly, like {@link #watchStreams}.
     */
    public void watchTablePendingAge(String sinkGroup, DoubleSupplier ageSeconds) {
        Gauge.builder(TABLE_PENDING_AGE, ageSeconds, DoubleSupplier::getAsDouble)
                .description("Now minus the Kafka timestamp of the oldest processed row the table's S3 sink has not "
                        + "committed; 0 when it has committed every row.")
                .tag(ServiceMetricNames.SINK, sinkGroup)
                .strongReference(true)
                .register(registry);
    }

    public void deadLettered(String reason) {
        deadLettered
                .computeIfAbsent(
                        reason,
                        r -> Counter.builder(PREFIX + "dead.lettered")
                                .description("Raw records sent to the dead-letter topic, by reason.")
                                .tag("reason", r)
                                .register(registry))
                .increment();
    }

    private Counter counter(String name, String description) {
        return Counter.builder(PREFIX + name).description(description).register(registry);
    }
}
