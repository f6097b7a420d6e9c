package org.sagebionetworks.accessrecords.service.dedup;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.sagebionetworks.accessrecords.core.validation.Rejection;
import org.sagebionetworks.accessrecords.core.validation.RejectionReason;

/**
 * How far ahead of its arrival a record's event time may lie. Dedup's clock only moves forward, so one record from
 * the future (a year typed as 2099, a host whose clock runs a day ahead) would make every later record of its
 * partition older than the horizon, emitted unchecked for as long as the wrong time lasts; the window store keeps a
 * time of its own from its puts and would drop every later put and lookup the same way.
 *
 * <p>Arrival is the earlier of the raw record's Kafka timestamp and the service's clock. Live, the clock decides:
 * Synapse's publisher and the archive loader stamp a record with its payload.timestamp, which says nothing about
 * when it arrived. In a replay the clock is late, and a Kafka timestamp that a producer set on sending decides, as
 * the clock did in the first run.
 */
public final class ClockSkewLimit {

    private static final String FIELD = "payload.timestamp";

    private final Duration maxSkew;

    public ClockSkewLimit(Duration maxSkew) {
        this.maxSkew = maxSkew;
    }

    /** Why a record with this event time, Kafka timestamp and processing time must not reach dedup, if it must not. */
    public Optional<Rejection> check(long eventTime, long kafkaTimestamp, long nowMillis) {
        long arrival = kafkaTimestamp < 0 ? nowMillis : Math.min(kafkaTimestamp, nowMillis);
        Duration ahead = Duration.ofMillis(eventTime - arrival);
        if (ahead.compareTo(maxSkew) <= 0) {
            return Optional.empty();
        }
        return Optional.of(Rejection.ofField(
                RejectionReason.ABSURD_VALUE,
                FIELD,
                Instant.ofEpochMilli(eventTime)
                        + " is " + ahead + " ahead of its arrival (" + Instant.ofEpochMilli(arrival) + "), more than "
                        + "access-records.dedup.max-clock-skew (" + maxSkew + ") allows; arrival is the earlier of the "
                        + "record's Kafka timestamp and the enricher's clock"));
    }

    /** Whether a record that passed {@link #check} by {@code nowMillis} can have carried this event time. */
    boolean reachable(long eventTime, long nowMillis) {
        return eventTime - nowMillis <= maxSkew.toMillis();
    }

    Duration maxSkew() {
        return maxSkew;
    }
}
