package org.sagebionetworks.accessrecords.toolsupport;

import java.time.Duration;
import org.apache.kafka.clients.admin.Admin;
import org.sagebionetworks.accessrecords.kafka.KafkaClientSettings;
import org.sagebionetworks.accessrecords.schema.SharedNames;
import picocli.CommandLine.Option;

/**
 * The cluster options the tools share. Their defaults are the service's own environment variables, so a tool run
 * beside the service (same task definition, same shell) reaches the same cluster the same way without flags.
 */
public final class KafkaOptions {

    @Option(
            names = "--bootstrap-servers",
            paramLabel = "HOST:PORT[,...]",
            defaultValue = "${env:KAFKA_BOOTSTRAP_SERVERS:-localhost:9092}",
            description = "Kafka brokers (default: env KAFKA_BOOTSTRAP_SERVERS, else ${DEFAULT-VALUE}).")
    private String bootstrapServers;

    @Option(
            names = "--msk-iam",
            arity = "0..1",
            paramLabel = "true|false",
            fallbackValue = "true",
            defaultValue = "${env:ACCESS_RECORDS_MSK_IAM:-false}",
            description = "MSK IAM authentication (default: env ACCESS_RECORDS_MSK_IAM, else ${DEFAULT-VALUE}).")
    private boolean mskIam;

    @Option(
            names = "--raw-topic",
            paramLabel = "TOPIC",
            defaultValue = "${env:ACCESS_RECORDS_TOPICS_RAW:-" + SharedNames.RAW_TOPIC + "}",
            description = "The raw topic (default: env ACCESS_RECORDS_TOPICS_RAW, else ${DEFAULT-VALUE}).")
    private String rawTopic;

    @Option(
            names = "--kafka-timeout",
            paramLabel = "DURATION",
            defaultValue = "PT60S",
            description = "How long one Kafka request may take before the tool gives up (default: ${DEFAULT-VALUE}).")
    private Duration timeout;

    public KafkaClientSettings client() {
        return KafkaClientSettings.of(bootstrapServers, mskIam);
    }

    public String rawTopic() {
        return rawTopic;
    }

    public Duration timeout() {
        return timeout;
    }

    /** An admin client whose every call gives up after the timeout, with the service's connection settings. */
    public Admin admin() {
        return KafkaCalls.admin(client(), timeout);
    }
}
