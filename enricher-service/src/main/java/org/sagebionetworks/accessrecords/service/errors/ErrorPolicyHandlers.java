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

    public static final String METRICS_CONFIG = "access-records.metrics";
    public static final String PRODUCTION_REASON = "PRODUCTION_ERROR";
    public static final String DESERIALIZATION_REASON = "DESERIALIZATION_ERROR";

    private static final Logger LOG = LoggerFactory.getLogger(ErrorPolicyHandlers.class);

    private ErrorPolicyHandlers() {
    }

    /** The policy under {@code policyKey} and the metrics, as the Streams configuration carries them. */
    private record Settings(ErrorPolicy policy, PipelineMetrics metrics) {

        static Settings from(Map<String, ?> configs, String policyKey) {
            return new Settings((ErrorPolicy) configs.get(policyKey), (PipelineMetrics) configs.get(METRICS_CONFIG));
        }

        boolean goOn(String reason, String what, Exception error) {
            metrics.deadLettered(reason);
            LOG.error("{} (policy {})", what, policy, error);
            return policy == ErrorPolicy.CONTINUE;
        }
    }

    /** Applies {@code access-records.production-errors}. */
    public static final class Production implements ProductionExceptionHandler {

        public static final String POLICY = "access-records.error-policy.production";
        private Settings settings;

        @Override
        public void configure(Map<String, ?> configs) {
            settings = Settings.from(configs, POLICY);
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
            String what = "Could not write to " + topic + " the record from " + context.topic() + "-"
                    + context.partition() + "@" + context.offset();
            return settings.goOn(PRODUCTION_REASON, what, e)
                    ? ProductionExceptionHandlerResponse.CONTINUE : ProductionExceptionHandlerResponse.FAIL;
        }
    }

    /** Applies {@code access-records.deserialization-errors}. */
    public static final class Deserialization implements DeserializationExceptionHandler {

        public static final String POLICY = "access-records.error-policy.deserialization";
        private Settings settings;

        @Override
        public void configure(Map<String, ?> configs) {
            settings = Settings.from(configs, POLICY);
        }

        @Override
        public DeserializationHandlerResponse handle(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record,
                Exception exception) {
            String what = "Could not deserialize the record at " + record.topic() + "-" + record.partition() + "@"
                    + record.offset();
            return settings.goOn(DESERIALIZATION_REASON, what, exception)
                    ? DeserializationHandlerResponse.CONTINUE : DeserializationHandlerResponse.FAIL;
        }
    }
}
