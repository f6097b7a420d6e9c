package org.sagebionetworks.accessrecords.service.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * {@code access-records.dedup.*}.
 *
 * @param horizon how far back in event time a session id is remembered; a second record with the same session id
 *                inside it is dropped, a record older than the newest seen minus the horizon is emitted as late
 */
@ConfigurationProperties("access-records.dedup")
public record DedupConfig(@Bindable(defaultValue = "24h") @NotNull Duration horizon) {

    public DedupConfig {
        if (horizon != null && (horizon.isNegative() || horizon.isZero())) {
            throw new IllegalArgumentException("access-records.dedup.horizon must be positive, was " + horizon);
        }
    }
}
