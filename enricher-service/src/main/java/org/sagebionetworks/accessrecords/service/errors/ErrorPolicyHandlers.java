package org.sagebionetworks.accessrecords.service.errors;

import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.sagebionetworks.accessrecords.service.config.PipelineConfig.ErrorPolicy;
import org.sagebionetworks.accessrecords.service.metrics.PipelineMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka Streams' two error hooks, both driven by {@link ErrorPolicy}. Whatever the policy, every error is logged
 * with the record's coordinates and counted, so a skipped record is never a silent one. Kafka creates these
 * handlers itself and hands them the Streams configuration, which carries the policy and the metrics.
 */
public final class ErrorPolicyHandlers {

    public static final String POLICY_CONFIG = "access-records.error-policy";
    public static final String METRICS_CONFIG = "access-records.metrics";
    public static final String PRODUCTION_REASON = "PRODUCTION_ERROR";
    public static final String DESERIALIZATION_REASON = "DESERIALIZATION_ERROR";

    private static final Logger LOG = LoggerFactory.getLogger(ErrorPolicyHandlers.class);

    private ErrorPolicyHandlers() {
    }

    private static ErrorPolicy policy(Map<String, ?> configs, String key) {
        return (ErrorPolicy) configs.get(key);
    }

    /** Applies {@code access-records.production-errors}. */
    public static final class Production implements ProductionExceptionHandler {

        public static final String POLICY = POLICY_CONFIG + ".production";
        private ErrorPolicy policy;
        private PipelineMetrics metrics;

        @Override
        public void configure(Map<String, ?> configs) {
            policy = policy(configs, POLICY);
            metrics = (PipelineMetrics) configs.get(METRICS_CONFIG);
        }

        @Override
        public ProductionExceptionHandlerResponse handle(ErrorHandlerContext context,
                ProducerRecord<byte[], byte[]> record, Exception exception) {
            return decide(record.topic(), context, exception);
        }

        @Override
        @SuppressWarnings("rawtypes")
        public ProductionExceptionHandlerResponse handleSerializationException(ErrorHandlerContext context,
                ProducerRecord record, Exception exception, SerializationExceptionOrigin origin) {
            return decide(record.topic(), context, exception);
        }

        private ProductionExceptionHandlerResponse decide(String topic, ErrorHandlerContext context, Exception e) {
            metrics.deadLettered(PRODUCTION_REASON);
            LOG.error("Could not write to {} the record from {}-{}@{} (policy {})", topic, context.topic(),
                    context.partition(), context.offset(), policy, e);
            return policy == ErrorPolicy.CONTINUE
                    ? ProductionExceptionHandlerResponse.CONTINUE : ProductionExceptionHandlerResponse.FAIL;
        }
    }

    /** Applies {@code access-records.deserialization-errors}. */
    public static final class Deserialization implements DeserializationExceptionHandler {

        public static final String POLICY = POLICY_CONFIG + ".deserialization";
        private ErrorPolicy policy;
        private PipelineMetrics metrics;

        @Override
        public void configure(Map<String, ?> configs) {
            policy = policy(configs, POLICY);
            metrics = (PipelineMetrics) configs.get(METRICS_CONFIG);
        }

        @Override
        public DeserializationHandlerResponse handle(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record,
                Exception exception) {
            metrics.deadLettered(DESERIALIZATION_REASON);
            LOG.error("Could not deserialize the record at {}-{}@{} (policy {})", record.topic(), record.partition(),
                    record.offset(), policy, exception);
            return policy == ErrorPolicy.CONTINUE
                    ? DeserializationHandlerResponse.CONTINUE : DeserializationHandlerResponse.FAIL;
        }
    }
}
