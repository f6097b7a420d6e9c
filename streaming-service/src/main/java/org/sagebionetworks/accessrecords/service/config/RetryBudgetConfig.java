package org.sagebionetworks.accessrecords.service.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * {@code access-records.retry-budget.*}: how often a stream thread that died of a retriable error is replaced
 * before the service stops and reports DOWN. Every thread of the instance draws on the same budget.
 *
 * @param replacements replacements allowed within {@code window}; 0 stops at the first failure
 * @param window       the sliding window the replacements are counted in
 */
@ConfigurationProperties("access-records.retry-budget")
public record RetryBudgetConfig(
        @Bindable(defaultValue = "5") @Min(0) @Max(1000) int replacements,
        @Bindable(defaultValue = "10m") @NotNull Duration window) {

    public RetryBudgetConfig {
        if (window != null && (window.isNegative() || window.isZero())) {
            throw new IllegalArgumentException("access-records.retry-budget.window must be positive, was " + window);
        }
    }
}
