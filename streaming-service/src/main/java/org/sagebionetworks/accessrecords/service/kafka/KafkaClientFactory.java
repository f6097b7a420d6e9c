package org.sagebionetworks.accessrecords.service.kafka;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.sagebionetworks.accessrecords.kafka.KafkaClientSettings;
import org.sagebionetworks.accessrecords.service.config.PipelineConfig;

/** The service's Kafka client settings, from {@code kafka.bootstrap.servers} and {@code access-records.msk-iam}. */
@Factory
public final class KafkaClientFactory {

    @Singleton
    public KafkaClientSettings kafkaClientSettings(
            @Value("${kafka.bootstrap.servers}") String bootstrapServers, PipelineConfig config) {
        return KafkaClientSettings.of(bootstrapServers, config.mskIam());
    }
}
