package org.sagebionetworks.accessrecords.service.health;

import io.micronaut.context.annotation.Context;
import org.sagebionetworks.accessrecords.service.metrics.PipelineMetrics;

/**
 * Publishes readiness as a metric, so an alarm sees a stopped or failed Kafka Streams even while ECS still counts
 * the task as running (between health checks, or while a replacement keeps failing the same way).
 */
@Context
final class ReadinessMetric {

    ReadinessMetric(StreamsHealth.Ready ready, PipelineMetrics metrics) {
        metrics.watchStreams(ready::healthy);
    }
}
