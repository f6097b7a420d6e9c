package org.sagebionetworks.accessrecords.service.errors;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler.DeserializationHandlerResponse;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.apache.kafka.streams.errors.ProductionExceptionHandler.ProductionExceptionHandlerResponse;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.processor.TaskId;
import org.junit.jupiter.api.Test;
import org.sagebionetworks.accessrecords.service.metrics.PipelineMetrics;

/** The hooks never skip a record, and they tell the failure policy which record it was. */
class ErrorPolicyHandlersTest {

    private final MeterRegistry registry = new SimpleMeterRegistry();
    private final FailurePolicy policy = new FailurePolicy(
            new RetryBudget(5, Duration.ofMinutes(10), Clock.systemUTC()),
            new PipelineMetrics(registry, Clock.systemUTC()));
    private final Map<String, Object> configs = Map.of(ErrorPolicyHandlers.FAILURE_POLICY_CONFIG, policy);

    @Test
    void aRecordTheBrokerRefusesFailsTheThreadAndIsNamedInTheStopReason() {
        ErrorPolicyHandlers.Production handler = new ErrorPolicyHandlers.Production();
        handler.configure(configs);
        RecordTooLargeException refusal = new RecordTooLargeException("too big");

        ProductionExceptionHandlerResponse response =
                handler.handle(context(), new ProducerRecord<>("dlq", new byte[1], new byte[1]), refusal);

        assertThat(response).isEqualTo(ProductionExceptionHandlerResponse.FAIL);
        policy.handle(new StreamsException(refusal));
        assertThat(policy.stopReason().orElseThrow()).contains("Topic dlq refused the record from raw-0@42");
    }

    @Test
    void aRecordATopicRefusesOrThatCannotBeSerializedIsCountedAsAProductionError() {
        ErrorPolicyHandlers.Production handler = new ErrorPolicyHandlers.Production();
        handler.configure(configs);
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>("processed", new byte[1], new byte[1]);

        handler.handle(context(), record, new RecordTooLargeException("too big"));
        handler.handleSerializationException(
                context(),
                record,
                new SerializationException("no schema"),
                ProductionExceptionHandler.SerializationExceptionOrigin.VALUE);

        assertThat(registry.get("access.records.production.errors").counter().count())
                .isEqualTo(2.0);
    }

    @Test
    void anUndecodableRecordFailsTheThreadAndIsNamedInTheStopReason() {
        ErrorPolicyHandlers.Deserialization handler = new ErrorPolicyHandlers.Deserialization();
        handler.configure(configs);
        SerializationException undecodable = new SerializationException("cannot decode row");

        DeserializationHandlerResponse response = handler.handle(
                context(), new ConsumerRecord<>("repartition", 0, 7L, new byte[1], new byte[1]), undecodable);

        assertThat(response).isEqualTo(DeserializationHandlerResponse.FAIL);
        policy.handle(new StreamsException(undecodable));
        assertThat(policy.stopReason().orElseThrow()).contains("Could not deserialize the record at repartition-0@7");
    }

    private static ErrorHandlerContext context() {
        return new ErrorHandlerContext() {
            @Override
            public String topic() {
                return "raw";
            }

            @Override
            public int partition() {
                return 0;
            }

            @Override
            public long offset() {
                return 42L;
            }

            @Override
            public Headers headers() {
                return new RecordHeaders();
            }

            @Override
            public String processorNodeId() {
                return "processed";
            }

            @Override
            public TaskId taskId() {
                return new TaskId(0, 0);
            }

            @Override
            public long timestamp() {
                return 0L;
            }
        };
    }
}
