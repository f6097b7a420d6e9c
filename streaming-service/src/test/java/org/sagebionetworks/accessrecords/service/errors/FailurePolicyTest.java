package org.sagebionetworks.accessrecords.service.errors;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.Test;
import org.sagebionetworks.accessrecords.service.metrics.PipelineMetrics;

class FailurePolicyTest {

    private final MeterRegistry registry = new SimpleMeterRegistry();
    private final FailurePolicy policy = new FailurePolicy(
            new RetryBudget(2, Duration.ofMinutes(10), Clock.systemUTC()),
            new PipelineMetrics(registry, Clock.systemUTC()));

    @Test
    void retriableFailuresReplaceTheThreadUntilTheBudgetIsSpentThenStopSayingSo() {
        StreamsException timeout = new StreamsException(new TimeoutException("Task 0_0 did not make progress"));

        assertThat(policy.handle(timeout)).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
        assertThat(policy.handle(timeout)).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
        assertThat(policy.stopReason()).isEmpty();

        assertThat(policy.handle(timeout)).isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
        assertThat(policy.stopReason().orElseThrow())
                .contains("a transient Kafka error once more than the retry budget allows")
                .contains("2 thread replacements within PT10M")
                .contains("did not make progress");
    }

    @Test
    void aFatalFailureStopsAtOnceNamingTheRefusedRecordTheTopicAndTheFix() {
        RecordTooLargeException refusal =
                new RecordTooLargeException("The request included a message larger than the max");
        policy.refused("Topic dlq refused the record from raw-0@41", refusal);

        StreamThreadExceptionResponse response = policy.handle(new StreamsException(
                "Error encountered trying to send " + "record to topic processed",
                new KafkaException("Cannot execute transactional method", refusal)));

        assertThat(response).isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
        assertThat(policy.stopReason().orElseThrow())
                .startsWith("a topic refused a record as too large: Topic dlq refused the record from raw-0@41 "
                        + "(org.apache.kafka.common.errors.RecordTooLargeException: The request included")
                .contains("To fix: raise the topic's max.message.bytes");
    }

    @Test
    void theFirstStopReasonStays() {
        policy.handle(new OutOfMemoryError("Java heap space"));
        policy.handle(new StreamsException(new RecordTooLargeException("later")));

        assertThat(policy.stopReason().orElseThrow()).contains("Java heap space");
    }
}
