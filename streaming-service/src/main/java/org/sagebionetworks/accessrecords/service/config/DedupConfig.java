package org.sagebionetworks.accessrecords.service.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * {@code access-records.dedup.*}.
 *
 * @param horizon      how far back in event time a session id is remembered; a second record with the same session
 *                     id inside it is dropped, a record older than the newest seen minus the horizon is emitted as late
 * @param maxClockSkew how far a record's event time may lie ahead of its arrival (the earlier of its Kafka timestamp
 *                     and the service's clock); a record further ahead is dead-lettered as ABSURD_VALUE, because it
 *                     would move the dedup clock so far that the records after it could no longer be checked. When
 *                     not set, {@link #DEFAULT_MAX_CLOCK_SKEW}, or half the horizon when that is shorter
 */
@ConfigurationProperties("access-records.dedup")
public record DedupConfig(
        @Bindable(defaultValue = "24h") @NotNull Duration horizon,
        @Nullable Duration maxClockSkew) {

    public static final Duration DEFAULT_MAX_CLOCK_SKEW = Duration.ofHours(1);

    public DedupConfig {
        if (horizon != null && (horizon.isNegative() || horizon.isZero())) {
            throw new IllegalArgumentException("access-records.dedup.horizon must be positive, was " + horizon);
        }
        if (maxClockSkew == null && horizon != null) {
            maxClockSkew = min(DEFAULT_MAX_CLOCK_SKEW, horizon.dividedBy(2));
        } else if (maxClockSkew != null
                && horizon != null
                && (maxClockSkew.isNegative() || maxClockSkew.compareTo(horizon) >= 0)) {
            throw new IllegalArgumentException("access-records.dedup.max-clock-skew "
                    + "(env ACCESS_RECORDS_DEDUP_MAX_CLOCK_SKEW) must be at least 0 and shorter than access-records.dedup.horizon ("
                    + horizon + "), was "
                    + maxClockSkew + ": one record that far ahead would put every record after it out of the horizon");
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
