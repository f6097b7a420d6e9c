package org.sagebionetworks.accessrecords.service.kafka;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;
import org.sagebionetworks.accessrecords.service.config.PipelineConfig;

/**
 * The settings every Kafka client of this service shares: where the cluster is and how to authenticate. With
 * {@code access-records.msk-iam=true} every client (Streams' consumers, producers, admin) uses MSK IAM, so the
 * ECS task role is the only credential.
 */
@Singleton
public final class KafkaClientSettings {

    static final String MSK_IAM_MECHANISM = "AWS_MSK_IAM";
    static final String MSK_IAM_LOGIN_MODULE = "software.amazon.msk.auth.iam.IAMLoginModule required;";
    static final String MSK_IAM_CALLBACK_HANDLER = "software.amazon.msk.auth.iam.IAMClientCallbackHandler";

    private final String bootstrapServers;
    private final boolean mskIam;

    @Inject
    public KafkaClientSettings(@Value("${kafka.bootstrap.servers}") String bootstrapServers, PipelineConfig config) {
        this(bootstrapServers, config.mskIam());
    }

    private KafkaClientSettings(String bootstrapServers, boolean mskIam) {
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new IllegalArgumentException(
                    "kafka.bootstrap.servers is empty: set it (env KAFKA_BOOTSTRAP_SERVERS) to host:port[,host:port]");
        }
        this.bootstrapServers = bootstrapServers;
        this.mskIam = mskIam;
    }

    /** For the command-line tools (replay, load-archive), which read the same two settings without Micronaut. */
    public static KafkaClientSettings of(String bootstrapServers, boolean mskIam) {
        return new KafkaClientSettings(bootstrapServers, mskIam);
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Connection and security settings, for any client. */
    public Map<String, Object> common() {
        Map<String, Object> settings = new HashMap<>();
        settings.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        if (mskIam) {
            settings.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_SSL");
            settings.put(SaslConfigs.SASL_MECHANISM, MSK_IAM_MECHANISM);
            settings.put(SaslConfigs.SASL_JAAS_CONFIG, MSK_IAM_LOGIN_MODULE);
            settings.put(SaslConfigs.SASL_CLIENT_CALLBACK_HANDLER_CLASS, MSK_IAM_CALLBACK_HANDLER);
        }
        return settings;
    }
}
