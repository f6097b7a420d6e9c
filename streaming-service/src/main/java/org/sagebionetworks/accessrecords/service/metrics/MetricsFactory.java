package org.sagebionetworks.accessrecords.service.metrics;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.util.NamedThreadFactory;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.io.PrintStream;
import org.sagebionetworks.accessrecords.service.config.CloudWatchConfig;
import org.sagebionetworks.accessrecords.service.config.PipelineConfig;

/**
 * Wires the pipeline's counters into Micronaut's registry, which {@code /prometheus} exposes and, with
 * {@code access-records.cloudwatch.enabled}, also publishes to stdout as CloudWatch embedded-metric-format lines
 * (Micronaut adds every registry bean to the one {@link PipelineMetrics} writes to).
 */
@Factory
final class MetricsFactory {

    /** stdout carries nothing else: the service logs to stderr. */
    private static final PrintStream STDOUT = System.out;

    @Singleton
    PipelineMetrics pipelineMetrics(MeterRegistry registry) {
        return new PipelineMetrics(registry, java.time.Clock.systemUTC());
    }

    @Singleton
    @Bean(preDestroy = "close")
    @Requires(property = "access-records.cloudwatch.enabled", value = "true")
    EmfMeterRegistry cloudWatchLines(CloudWatchConfig cloudWatch, PipelineConfig pipeline) {
        EmfMeterRegistry registry = new EmfMeterRegistry(
                new EmfFormat(cloudWatch.namespace(), pipeline.applicationId()),
                STDOUT::println,
                cloudWatch.step(),
                Clock.SYSTEM);
        registry.start(new NamedThreadFactory("cloudwatch-emf"));
        return registry;
    }
}
