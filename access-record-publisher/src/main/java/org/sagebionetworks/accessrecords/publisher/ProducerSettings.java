package org.sagebionetworks.accessrecords.publisher;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.sagebionetworks.accessrecords.schema.MskIam;

/** The one place a {@link PublisherConfig} becomes Kafka producer properties. */
final class ProducerSettings {

    /**
     * The producer forgets a topic it has not written to for this long, and the next send must then wait for
     * metadata, which under {@link BufferFullPolicy#DROP} means a dropped record. One topic costs nothing to keep.
     */
    static final Duration METADATA_IDLE = Duration.ofDays(30);

    private ProducerSettings() {}

    static Map<String, Object> of(PublisherConfig config) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        settings.put(CommonClientConfigs.CLIENT_ID_CONFIG, config.clientId());
        settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        // Retries after a lost acknowledgement must not write a record twice; acks=all is what idempotence needs.
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        // KAFKA-15591 (brokers up to 3.9, MSK included): a producer's first batch to a partition, refused with a
        // retriable error and overtaken by a pipelined batch, is refused forever after as out of sequence and
        // lost at the delivery timeout. One request in flight per broker mutes each partition until its batch is
        // answered, so nothing overtakes; at Synapse's rates one request per linger is ample.
        settings.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        settings.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, config.compression());
        settings.put(ProducerConfig.LINGER_MS_CONFIG, (int) config.linger().toMillis());
        settings.put(ProducerConfig.BATCH_SIZE_CONFIG, config.batchSize());
        settings.put(ProducerConfig.BUFFER_MEMORY_CONFIG, config.bufferMemory());
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, maxBlockMillis(config));
        settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int)
                config.deliveryTimeout().toMillis());
        settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) PublisherConfig.REQUEST_TIMEOUT.toMillis());
        settings.put(ProducerConfig.METADATA_MAX_IDLE_CONFIG, METADATA_IDLE.toMillis());
        if (config.mskIam()) {
            settings.putAll(MskIam.CLIENT_PROPERTIES);
        }
        return settings;
    }

    /** max.block.ms bounds both the wait for buffer space and the wait for topic metadata inside send(). */
    private static long maxBlockMillis(PublisherConfig config) {
        return config.bufferFullPolicy() == BufferFullPolicy.DROP
                ? 0
                : config.maxBlock().toMillis();
    }
}
