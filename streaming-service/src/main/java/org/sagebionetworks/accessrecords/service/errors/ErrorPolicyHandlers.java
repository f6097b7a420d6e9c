package org.sagebionetworks.accessrecords.service.errors;

import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;

/**
 * Kafka Streams' two error hooks. Both always answer FAIL: in Kafka 3.9 a hook can only fail or skip the record,
 * and a skipped record would be gone with nothing but a log line. Failing aborts the open transaction, so nothing
 * after the record is committed, and the stream thread dies; {@link FailurePolicy} decides what follows. Each hook
 * first tells the policy which record it was and where it came from. Kafka creates these hooks itself and hands
 * them the Streams configuration, which carries the policy under {@link #FAILURE_POLICY_CONFIG}.
 */
public final class ErrorPolicyHandlers {

    public static final String FAILURE_POLICY_CONFIG = "access-records.failure-policy";

    private ErrorPolicyHandlers() {}

    private static FailurePolicy policy(Map<String, ?> configs) {
        return (FailurePolicy) configs.get(FAILURE_POLICY_CONFIG);
    }

    private static String source(ErrorHandlerContext context) {
        return context.topic() + "-" + context.partition() + "@" + context.offset();
    }

    /** A record the broker refused for good (Kafka retries transient errors itself), or one that cannot be serialized. */
    public static final class Production implements ProductionExceptionHandler {

        private FailurePolicy policy;

        @Override
        public void configure(Map<String, ?> configs) {
            policy = policy(configs);
        }

        @Override
        public ProductionExceptionHandlerResponse handle(
                ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record, Exception exception) {
            policy.refusedWrite("Topic " + record.topic() + " refused the record from " + source(context), exception);
            return ProductionExceptionHandlerResponse.FAIL;
        }

        @Override
        @SuppressWarnings("rawtypes")
        public ProductionExceptionHandlerResponse handleSerializationException(
                ErrorHandlerContext context,
                ProducerRecord record,
                Exception exception,
                SerializationExceptionOrigin origin) {
            policy.refusedWrite(
                    "Could not serialize for " + record.topic() + " the record from " + source(context), exception);
            return ProductionExceptionHandlerResponse.FAIL;
        }
    }

    /** A record Kafka Streams cannot deserialize: raw records are plain bytes, so only the repartition topic's. */
    public static final class Deserialization implements DeserializationExceptionHandler {

        private FailurePolicy policy;

        @Override
        public void configure(Map<String, ?> configs) {
            policy = policy(configs);
        }

        @Override
        public DeserializationHandlerResponse handle(
                ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
            policy.refused(
                    "Could not deserialize the record at " + record.topic() + "-" + record.partition() + "@"
                            + record.offset(),
                    exception);
            return DeserializationHandlerResponse.FAIL;
        }
    }
}
