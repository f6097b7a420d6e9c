package org.sagebionetworks.accessrecords.service.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.apache.kafka.clients.CommonClientConfigs;
import org.junit.jupiter.api.Test;
import org.sagebionetworks.accessrecords.service.config.PipelineConfig;

class KafkaClientFactoryTest {

    @Test
    void theServiceReachesTheConfiguredServersWithMskIamWhenItsSettingIsOn() {
        var settings = new KafkaClientFactory().kafkaClientSettings("b-1:9098", config(true));

        assertThat(settings.bootstrapServers()).isEqualTo("b-1:9098");
        assertThat(settings.common()).containsEntry(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_SSL");
    }

    @Test
    void withoutTheSettingItConnectsInPlainText() {
        assertThat(new KafkaClientFactory()
                        .kafkaClientSettings("b-1:9092", config(false))
                        .common())
                .containsOnlyKeys(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG);
    }

    private static PipelineConfig config(boolean mskIam) {
        return new PipelineConfig(
                "v1", "app", true, 1_000_000, 1, "/tmp/state", Duration.ofSeconds(30), Duration.ofSeconds(30), mskIam);
    }
}
