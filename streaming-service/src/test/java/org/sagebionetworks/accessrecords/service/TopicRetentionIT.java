package org.sagebionetworks.accessrecords.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sagebionetworks.accessrecords.testsupport.KafkaCluster;

/** Retention is stated, never left to the broker: topics are created with it and held to it. */
@ExtendWith(KafkaCluster.class)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class TopicRetentionIT {

    @TempDir
    Path stateDir;

    @Test
    void theServiceCreatesEveryTopicWithTheRetentionItIsConfiguredFor() throws Exception {
        String serving = KafkaCluster.uniqueName("serving");
        RunningService service = RunningService.configure(
                stateDir,
                Map.of(
                        "access-records.topics.retention.processed", "36h",
                        "access-records.serving.from", "2026-12-01T00:00:00Z",
                        "access-records.serving.topic", serving));
        try (service) {
            service.start();

            Map<String, String> retention =
                    retentionMs(List.of(service.raw, service.processed, serving, service.deadLetter));
            assertThat(retention)
                    .containsEntry(service.raw, "-1")
                    .containsEntry(
                            service.processed,
                            String.valueOf(Duration.ofHours(36).toMillis()))
                    .containsEntry(serving, String.valueOf(Duration.ofHours(36).toMillis()))
                    .containsEntry(
                            service.deadLetter,
                            String.valueOf(Duration.ofDays(28).toMillis()));
        }
    }

    @Test
    void anExistingRawTopicOnTheBrokersSevenDaysStopsStartupSayingHowToKeepItForever() {
        RunningService service = RunningService.configure(stateDir, Map.of());
        KafkaCluster.createTopic(service.raw, 2, Map.of(TopicConfig.RETENTION_MS_CONFIG, "604800000"));

        try (service) {
            assertThatThrownBy(service::start)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Topic " + service.raw + " deletes records after retention.ms=604800000, "
                            + "but access-records.topics.retention.raw (env ACCESS_RECORDS_TOPICS_RETENTION_RAW) "
                            + "promises forever")
                    .hasMessageContaining("--entity-name " + service.raw + " --add-config retention.ms=-1");
        }
    }

    private static Map<String, String> retentionMs(List<String> topics) throws Exception {
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaCluster.bootstrapServers()))) {
            Map<ConfigResource, Config> configs = admin.describeConfigs(topics.stream()
                            .map(topic -> new ConfigResource(ConfigResource.Type.TOPIC, topic))
                            .toList())
                    .all()
                    .get(30, TimeUnit.SECONDS);
            return configs.entrySet().stream()
                    .collect(Collectors.toMap(
                            entry -> entry.getKey().name(),
                            entry -> entry.getValue()
                                    .get(TopicConfig.RETENTION_MS_CONFIG)
                                    .value()));
        }
    }
}
