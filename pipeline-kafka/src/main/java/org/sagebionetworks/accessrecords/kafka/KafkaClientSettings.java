package org.sagebionetworks.accessrecords.kafka;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.sagebionetworks.accessrecords.schema.MskIam;

/**
 * The settings every Kafka client of the service and the tools shares: where the cluster is and how to
 * authenticate. With MSK IAM ({@code access-records.msk-iam=true}, or {@code --msk-iam}) every client (Streams'
 * consumers, producers, admin) uses it, so the ECS task role is the only credential.
 */
public final class KafkaClientSettings {

    private final String bootstrapServers;
    private final boolean mskIam;

    private KafkaClientSettings(String bootstrapServers, boolean mskIam) {
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new IllegalArgumentException(
                    "kafka.bootstrap.servers is empty: set it (env KAFKA_BOOTSTRAP_SERVERS) to host:port[,host:port]");
        }
        this.bootstrapServers = bootstrapServers;
        this.mskIam = mskIam;
    }

    /** The service reads the two from its configuration, the tools (replay, load-archive) from their options. */
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
            settings.putAll(MskIam.CLIENT_PROPERTIES);
        }
        return settings;
    }
}
