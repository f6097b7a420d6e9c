package org.sagebionetworks.accessrecords.service.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.sagebionetworks.accessrecords.service.freshness.TableSink;

/**
 * {@code access-records.freshness.*}: which S3 sinks' tables the service measures, as the age of the oldest row each
 * has not yet committed (docs/service.md, Freshness). Without a group nothing is measured.
 *
 * @param sinkGroup        the consumer group of the version's own S3 sink, which reads its processed topic
 *                         ({@code connect-<connector name>})
 * @param servingSinkGroup the consumer group of the serving sink, which reads the serving topic; for a version that
 *                         serves
 * @param interval         how often the sinks are measured
 * @param timeout          how long one measurement may wait for Kafka
 */
@ConfigurationProperties("access-records.freshness")
public record FreshnessConfig(
        @Nullable @Pattern(regexp = PipelineConfig.KAFKA_NAME, message = PipelineConfig.KAFKA_NAME_RULE)
        String sinkGroup,

        @Nullable @Pattern(regexp = PipelineConfig.KAFKA_NAME, message = PipelineConfig.KAFKA_NAME_RULE)
        String servingSinkGroup,

        @Bindable(defaultValue = "60s") @NotNull Duration interval,
        @Bindable(defaultValue = "10s") @NotNull Duration timeout) {

    private static final String INTERVAL = "access-records.freshness.interval (env ACCESS_RECORDS_FRESHNESS_INTERVAL)";
    private static final String TIMEOUT = "access-records.freshness.timeout (env ACCESS_RECORDS_FRESHNESS_TIMEOUT)";

    public FreshnessConfig {
        if (interval != null && interval.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException(INTERVAL + " must be at least 1s, was " + interval);
        }
        if (timeout != null && (timeout.isNegative() || timeout.isZero() || timeout.compareTo(interval) > 0)) {
            throw new IllegalArgumentException(TIMEOUT + " must be positive and at most access-records.freshness"
                    + ".interval (" + interval + ") so that one measurement ends before the next, was " + timeout);
        }
        if (sinkGroup != null && sinkGroup.equals(servingSinkGroup)) {
            throw new IllegalArgumentException("access-records.freshness.serving-sink-group (env "
                    + "ACCESS_RECORDS_FRESHNESS_SERVING_SINK_GROUP) is the version's own sink group " + sinkGroup
                    + ": set it to the serving sink's group, connect-<its connector name>, or leave it unset");
        }
    }

    /** The sinks to measure: the version's own on {@code processedTopic}, the serving one on {@code servingTopic}. */
    public List<TableSink> sinks(String processedTopic, String servingTopic) {
        List<TableSink> sinks = new ArrayList<>();
        if (sinkGroup != null) {
            sinks.add(new TableSink(sinkGroup, processedTopic));
        }
        if (servingSinkGroup != null) {
            sinks.add(new TableSink(servingSinkGroup, servingTopic));
        }
        return List.copyOf(sinks);
    }
}
