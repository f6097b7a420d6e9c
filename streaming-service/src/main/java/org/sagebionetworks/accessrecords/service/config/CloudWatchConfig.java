package org.sagebionetworks.accessrecords.service.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.sagebionetworks.accessrecords.schema.ServiceMetricNames;

/**
 * {@code access-records.cloudwatch.*}: the service's own metrics as CloudWatch embedded-metric-format lines on
 * stdout, which the awslogs driver ships and CloudWatch turns into metrics. Off by default: a laptop has no use
 * for a JSON line a minute.
 *
 * @param enabled   write the lines
 * @param namespace the CloudWatch namespace of the metrics
 * @param step      how often a line is written; each counter's value is its count within the step
 */
@ConfigurationProperties("access-records.cloudwatch")
public record CloudWatchConfig(
        @Bindable(defaultValue = "false") boolean enabled,

        @Bindable(defaultValue = ServiceMetricNames.DEFAULT_NAMESPACE) @NotBlank
        String namespace,

        @Bindable(defaultValue = "1m") @NotNull Duration step) {

    public CloudWatchConfig {
        if (step != null && step.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException(
                    "access-records.cloudwatch.step must be at least 1s (CloudWatch's finest resolution), was " + step);
        }
    }
}
