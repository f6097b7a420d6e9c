package org.sagebionetworks.accessrecords.service.freshness;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.sagebionetworks.accessrecords.service.metrics.PipelineMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How far each table is behind: the age of the oldest row its sink has read from Kafka but not yet committed to S3.
 * Oldest-uncommitted rather than "newest row in the table": a quiet partition whose sink has written everything
 * reads 0, not the hours since its last row, while a tail file held open by a quiet partition reads its first row's
 * growing age. The age counts from the row's Kafka timestamp, which the service sets when it processes the record,
 * so it is the table's own delay; the service's is {@code access_records_event_time_lag_seconds}.
 *
 * <p>A probe that fails (no such group, Kafka unreachable or refusing) never stops the service or its health: the
 * sink's age is then unknown and published as nothing, and the failure is logged once until it changes.
 */
public final class FreshnessProbe {

    private static final Logger LOG = LoggerFactory.getLogger(FreshnessProbe.class);

    private final List<TableSink> sinks;
    private final SinkBacklogReader reader;
    private final Clock clock;
    /** The last backlog read of each sink; absent while unknown. */
    private final Map<TableSink, SinkBacklog> backlogs = new ConcurrentHashMap<>();
    /** The last failure of each sink, as logged; absent while its probe succeeds. */
    private final Map<TableSink, String> failures = new ConcurrentHashMap<>();

    FreshnessProbe(List<TableSink> sinks, SinkBacklogReader reader, PipelineMetrics metrics, Clock clock) {
        this.sinks = List.copyOf(sinks);
        this.reader = reader;
        this.clock = clock;
        sinks.forEach(sink -> metrics.watchTablePendingAge(sink.group(), () -> ageSeconds(sink)));
    }

    /** Reads every sink's backlog once; never throws. */
    void probe() {
        sinks.forEach(this::probe);
    }

    private void probe(TableSink sink) {
        try {
            backlogs.put(sink, reader.read(sink));
            if (failures.remove(sink) != null) {
                LOG.info("Measuring the pending age of sink {} on {} again", sink.group(), sink.topic());
            }
        } catch (RuntimeException e) {
            backlogs.remove(sink);
            if (Thread.currentThread().isInterrupted()) {
                return; // the service is stopping: not a failure worth a line
            }
            String failure = String.valueOf(e.getMessage());
            if (!Objects.equals(failures.put(sink, failure), failure)) {
                LOG.warn(
                        "Cannot measure how far sink {} on {} is behind, so its pending age is not published: {}",
                        sink.group(),
                        sink.topic(),
                        failure);
            }
        }
    }

    private double ageSeconds(TableSink sink) {
        return Optional.ofNullable(backlogs.get(sink))
                .map(backlog -> backlog.oldestPendingTimestamp().isEmpty()
                        ? 0.0
                        : Math.max(
                                        0,
                                        clock.millis()
                                                - backlog.oldestPendingTimestamp()
                                                        .getAsLong())
                                / 1000.0)
                .orElse(Double.NaN);
    }
}
