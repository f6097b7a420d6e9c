package org.sagebionetworks.accessrecords.service.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Wires the pipeline's counters into Micronaut's registry, which {@code /prometheus} exposes. */
@Factory
final class MetricsFactory {

    @Singleton
    PipelineMetrics pipelineMetrics(MeterRegistry registry) {
        return new PipelineMetrics(registry, Clock.systemUTC());
    }
}
