package org.sagebionetworks.accessrecords.service.freshness;

import io.micronaut.context.annotation.Context;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.sagebionetworks.accessrecords.kafka.KafkaClientSettings;
import org.sagebionetworks.accessrecords.service.config.FreshnessConfig;
import org.sagebionetworks.accessrecords.service.config.PipelineConfig;
import org.sagebionetworks.accessrecords.service.config.ServingConfig;
import org.sagebionetworks.accessrecords.service.config.TopicsConfig;
import org.sagebionetworks.accessrecords.service.metrics.PipelineMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link FreshnessProbe} every {@code access-records.freshness.interval} when a sink group is configured,
 * on Micronaut's scheduler, apart from Kafka Streams: a probe waits for Kafka at most its timeout and never touches
 * the service's health.
 */
@Context
final class FreshnessSchedule {

    private static final Logger LOG = LoggerFactory.getLogger(FreshnessSchedule.class);

    private final Optional<Admin> admin;
    private final Optional<ScheduledFuture<?>> scheduled;

    FreshnessSchedule(
            FreshnessConfig freshness,
            PipelineConfig pipeline,
            TopicsConfig topics,
            ServingConfig serving,
            KafkaClientSettings client,
            PipelineMetrics metrics,
            @Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler) {
        List<TableSink> sinks = freshness.sinks(topics.processedTopic(pipeline.version()), serving.topic());
        if (sinks.isEmpty()) {
            this.admin = Optional.empty();
            this.scheduled = Optional.empty();
            return;
        }
        Admin kafka = Admin.create(adminSettings(client, freshness.timeout()));
        FreshnessProbe probe = new FreshnessProbe(
                sinks, new SinkBacklogReader(kafka, client, freshness.timeout()), metrics, Clock.systemUTC());
        LOG.info("Measuring every {} how far these sinks are behind: {}", freshness.interval(), sinks);
        this.admin = Optional.of(kafka);
        this.scheduled =
                Optional.of(scheduler.scheduleWithFixedDelay(Duration.ZERO, freshness.interval(), probe::probe));
    }

    private static Map<String, Object> adminSettings(KafkaClientSettings client, Duration timeout) {
        Map<String, Object> settings = new HashMap<>(client.common());
        settings.put(AdminClientConfig.CLIENT_ID_CONFIG, "table-freshness-probe-admin");
        settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        return settings;
    }

    @PreDestroy
    void stop() {
        scheduled.ifPresent(future -> future.cancel(true));
        admin.ifPresent(kafka -> kafka.close(Duration.ofSeconds(5)));
    }
}
