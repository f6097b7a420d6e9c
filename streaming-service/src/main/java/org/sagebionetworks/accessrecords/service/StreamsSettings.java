package org.sagebionetworks.accessrecords.service;

import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.sagebionetworks.accessrecords.kafka.KafkaClientSettings;
import org.sagebionetworks.accessrecords.service.config.PipelineConfig;
import org.sagebionetworks.accessrecords.service.config.RocksDBMemoryConfig;
import org.sagebionetworks.accessrecords.service.config.TopicsConfig;
import org.sagebionetworks.accessrecords.service.errors.ErrorPolicyHandlers;
import org.sagebionetworks.accessrecords.service.errors.FailurePolicy;
import org.sagebionetworks.accessrecords.service.kafka.RecordSizeRequirements;
import org.sagebionetworks.accessrecords.service.state.BoundedMemoryRocksDBConfig;

/** The Kafka Streams configuration, from the service's settings; the guarantees live here. */
final class StreamsSettings {

    /** Kafka Streams' way of saying "the broker's default.replication.factor". */
    private static final int BROKER_DEFAULT_REPLICATION = -1;

    private StreamsSettings() {}

    /**
     * @param overrides any Kafka Streams or client setting given as {@code kafka.streams.<name>}; applied first, so
     *                  the guarantees below cannot be overridden by accident
     */
    static Properties of(
            KafkaClientSettings client,
            PipelineConfig pipeline,
            TopicsConfig topics,
            RocksDBMemoryConfig rocksDBMemory,
            FailurePolicy failurePolicy,
            Map<String, Object> overrides) {
        Properties props = new Properties();
        props.putAll(overrides);
        props.putAll(client.common());
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, pipeline.applicationId());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, pipeline.streamThreads());
        props.put(StreamsConfig.STATE_DIR_CONFIG, pipeline.stateDir());
        props.put(
                StreamsConfig.REPLICATION_FACTOR_CONFIG,
                topics.replication().map(Short::intValue).orElse(BROKER_DEFAULT_REPLICATION));
        props.put(
                StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG),
                RecordSizeRequirements.producerMaxRequestBytes(
                        pipeline.maxRecordBytes(), topics.deadLetterMaxMessageBytes()));
        props.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "zstd");
        props.put(
                StreamsConfig.DEFAULT_PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, ErrorPolicyHandlers.Production.class);
        props.put(
                StreamsConfig.DEFAULT_DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                ErrorPolicyHandlers.Deserialization.class);
        props.put(ErrorPolicyHandlers.FAILURE_POLICY_CONFIG, failurePolicy);
        props.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedMemoryRocksDBConfig.class);
        props.put(BoundedMemoryRocksDBConfig.MEMORY_CONFIG, rocksDBMemory);
        return props;
    }
}
