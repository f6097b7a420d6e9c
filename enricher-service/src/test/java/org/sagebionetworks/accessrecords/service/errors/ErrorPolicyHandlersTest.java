package org.sagebionetworks.accessrecords.service.errors;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler.DeserializationHandlerResponse;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler.ProductionExceptionHandlerResponse;
import org.apache.kafka.streams.processor.TaskId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sagebionetworks.accessrecords.service.config.PipelineConfig.ErrorPolicy;
import org.sagebionetworks.accessrecords.service.metrics.PipelineMetrics;

class ErrorPolicyHandlersTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final PipelineMetrics metrics = new PipelineMetrics(registry, Clock.systemUTC());

    @ParameterizedTest
    @EnumSource(ErrorPolicy.class)
    void aRefusedRecordFollowsThePolicyAndIsCounted(ErrorPolicy policy) {
        ErrorPolicyHandlers.Production handler = new ErrorPolicyHandlers.Production();
        handler.configure(Map.of(ErrorPolicyHandlers.Production.POLICY, policy, ErrorPolicyHandlers.METRICS_CONFIG, metrics));

        ProductionExceptionHandlerResponse response = handler.handle(context(),
                new ProducerRecord<>("processed", new byte[1], new byte[1]), new RecordTooLargeException("too big"));

        assertThat(response).isEqualTo(policy == ErrorPolicy.CONTINUE
                ? ProductionExceptionHandlerResponse.CONTINUE : ProductionExceptionHandlerResponse.FAIL);
        assertThat(deadLettered(ErrorPolicyHandlers.PRODUCTION_REASON)).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(ErrorPolicy.class)
    void anUndecodableRecordFollowsThePolicyAndIsCounted(ErrorPolicy policy) {
        ErrorPolicyHandlers.Deserialization handler = new ErrorPolicyHandlers.Deserialization();
        handler.configure(Map.of(ErrorPolicyHandlers.Deserialization.POLICY, policy,
                ErrorPolicyHandlers.METRICS_CONFIG, metrics));

        DeserializationHandlerResponse response = handler.handle(context(),
                new ConsumerRecord<>("repartition", 0, 7L, new byte[1], new byte[1]), new SerializationException("bad"));

        assertThat(response).isEqualTo(policy == ErrorPolicy.CONTINUE
                ? DeserializationHandlerResponse.CONTINUE : DeserializationHandlerResponse.FAIL);
        assertThat(deadLettered(ErrorPolicyHandlers.DESERIALIZATION_REASON)).isEqualTo(1);
    }

    private double deadLettered(String reason) {
        return registry.get("access.records.dead.lettered").tag("reason", reason).counter().count();
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
