package org.sagebionetworks.accessrecords.service.metrics;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.step.StepMeterRegistry;
import io.micrometer.core.instrument.step.StepRegistryConfig;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Publishes the pipeline's own meters ({@link PipelineMetrics}) each step as CloudWatch embedded-metric-format
 * lines. A counter's value is its count within the last step, which CloudWatch sums per period. Kafka Streams'
 * own metrics stay on {@code /prometheus} only: hundreds of them, each a billed CloudWatch metric.
 */
public final class EmfMeterRegistry extends StepMeterRegistry {

    private final EmfFormat format;
    private final Consumer<String> out;

    EmfMeterRegistry(EmfFormat format, Consumer<String> out, Duration step, Clock clock) {
        super(stepOf(step), clock);
        this.format = format;
        this.out = out;
        config().meterFilter(MeterFilter.acceptNameStartsWith(PipelineMetrics.PREFIX))
                .meterFilter(MeterFilter.deny());
    }

    /** What the next publication writes, one line per set of dimensions. */
    public List<String> lines() {
        return format.lines(getMeters(), clock.wallTime());
    }

    @Override
    protected void publish() {
        lines().forEach(out);
    }

    @Override
    protected TimeUnit getBaseTimeUnit() {
        return TimeUnit.SECONDS;
    }

    private static StepRegistryConfig stepOf(Duration step) {
        return new StepRegistryConfig() {
            @Override
            public String prefix() {
                return "cloudwatch-emf";
            }

            @Override
            public String get(String key) {
                return null;
            }

            @Override
            public Duration step() {
                return step;
            }
        };
    }
}
