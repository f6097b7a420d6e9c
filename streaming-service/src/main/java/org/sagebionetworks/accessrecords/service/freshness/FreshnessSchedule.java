package org.sagebionetworks.accessrecords.service.freshness;

import io.micrometer.core.instrument.util.NamedThreadFactory;
import io.micronaut.context.annotation.Context;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
 * on a thread of its own, apart from Kafka Streams: a probe waits for Kafka at most its timeout and never touches
 * the service's health. On shutdown a running probe may finish within its timeout, so that its Kafka clients close
 * normally rather than interrupted.
 */
@Context
final class FreshnessSchedule {

    private static final Logger LOG = LoggerFactory.getLogger(FreshnessSchedule.class);

    private final Duration timeout;
    private final Optional<Admin> admin;
    private final Optional<ScheduledExecutorService> thread;

    FreshnessSchedule(
            FreshnessConfig freshness,
            PipelineConfig pipeline,
            TopicsConfig topics,
            ServingConfig serving,
            KafkaClientSettings client,
            PipelineMetrics metrics) {
        this.timeout = freshness.timeout();
        List<TableSink> sinks = freshness.sinks(topics.processedTopic(pipeline.version()), serving.topic());
        if (sinks.isEmpty()) {
            this.admin = Optional.empty();
            this.thread = Optional.empty();
            return;
        }
        Admin kafka = Admin.create(adminSettings(client, timeout));
        FreshnessProbe probe =
                new FreshnessProbe(sinks, new SinkBacklogReader(kafka, client, timeout), metrics, Clock.systemUTC());
        ScheduledExecutorService scheduler =
                Executors.newSingleThreadScheduledExecutor(new NamedThreadFactory("table-freshness"));
        scheduler.scheduleWithFixedDelay(probe::probe, 0, freshness.interval().toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("Measuring every {} how far these sinks are behind: {}", freshness.interval(), sinks);
        this.admin = Optional.of(kafka);
        this.thread = Optional.of(scheduler);
    }

    private static Map<String, Object> adminSettings(KafkaClientSettings client, Duration timeout) {
        Map<String, Object> settings = new HashMap<>(client.common());
        settings.put(AdminClientConfig.CLIENT_ID_CONFIG, "table-freshness-probe-admin");
        settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        return settings;
    }

    @PreDestroy
    void stop() throws InterruptedException {
        if (thread.isPresent()) {
            thread.get().shutdown();
            if (!thread.get().awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                thread.get().shutdownNow();
            }
        }
        admin.ifPresent(kafka -> kafka.close(timeout));
    }
}
