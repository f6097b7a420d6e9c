package org.sagebionetworks.accessrecords.service.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.stream.Stream;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.DisconnectException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TransactionalIdAuthorizationException;
import org.apache.kafka.streams.errors.MissingSourceTopicException;
import org.apache.kafka.streams.errors.ProcessorStateException;
import org.apache.kafka.streams.errors.StreamsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sagebionetworks.accessrecords.service.errors.FailureClassifier.Failure;

class FailureClassifierTest {

    static Stream<Arguments> fatal() {
        return Stream.of(
                Arguments.of(
                        sent(new RecordTooLargeException("The request included a message larger than the max")),
                        "too large"),
                Arguments.of(
                        new StreamsException(new KafkaException(
                                "Cannot execute transactional method because we are in an error state",
                                new RecordTooLargeException("too large"))),
                        "too large"),
                Arguments.of(
                        sent(new InvalidRecordException("Compacted topic cannot accept message without key")),
                        "refused a record"),
                Arguments.of(
                        sent(new TopicAuthorizationException("Not authorized to access topics: [dlq]")),
                        "not authorized"),
                Arguments.of(new StreamsException(new GroupAuthorizationException("group")), "not authorized"),
                Arguments.of(new StreamsException(new TransactionalIdAuthorizationException("txn")), "not authorized"),
                Arguments.of(
                        new StreamsException(new SaslAuthenticationException("bad credentials")), "authentication"),
                Arguments.of(
                        new ProcessorStateException("Error opening store", new IOException("No space left on device")),
                        "state store"),
                Arguments.of(
                        new StreamsException("task 0_1", new IOException("No space left on device")), "state store"),
                Arguments.of(new StreamsException(new SerializationException("cannot decode row")), "serialized"),
                Arguments.of(new MissingSourceTopicException("raw topic missing"), "raw topic"),
                Arguments.of(new OutOfMemoryError("Java heap space"), "JVM"));
    }

    @ParameterizedTest
    @MethodSource("fatal")
    void deterministicFailuresAreFatalAndSayWhatToFix(Throwable error, String fault) {
        Failure failure = FailureClassifier.classify(error);

        assertThat(failure.fatal()).isTrue();
        assertThat(failure.fault()).contains(fault);
        assertThat(failure.remedy()).isNotBlank();
    }

    static Stream<Throwable> retriable() {
        return Stream.of(
                new StreamsException(new TimeoutException("Task 0_0 did not make progress within 300000 ms")),
                new StreamsException(new DisconnectException("broker went away")),
                new StreamsException("commit failed", new NotEnoughReplicasException("1 of 3 in sync")),
                new KafkaException(new TimeoutException("Timeout expired while initializing transactional state")));
    }

    @ParameterizedTest
    @MethodSource("retriable")
    void kafkasRetriableErrorsAreNotFatal(Throwable error) {
        Failure failure = FailureClassifier.classify(error);

        assertThat(failure.fatal()).isFalse();
        assertThat(failure.fault()).isEqualTo("a transient Kafka error");
    }

    @Test
    void anErrorNotKnownToBeFatalIsRetriedWithinTheBudget() {
        Failure failure = FailureClassifier.classify(new StreamsException(new IllegalArgumentException("surprise")));

        assertThat(failure.fatal()).isFalse();
        assertThat(failure.fault()).isEqualTo("an unexpected error");
    }

    @Test
    void aFatalCauseWinsOverARetriableWrapper() {
        Failure failure = FailureClassifier.classify(new TimeoutException(
                "gave up", new TopicAuthorizationException("Not authorized to access topics: [dlq]")));

        assertThat(failure.fatal()).isTrue();
    }

    @Test
    void aCauseCycleEndsTheChain() {
        KafkaException outer = new KafkaException("outer");
        KafkaException inner = new KafkaException("inner", outer);
        outer.initCause(inner);

        assertThat(FailureClassifier.chain(outer)).containsExactly(outer, inner);
        assertThat(FailureClassifier.classify(outer).fatal()).isFalse();
    }

    /** As Kafka Streams reports a record the broker refused when the production hook answered FAIL. */
    private static StreamsException sent(Exception refusal) {
        return new StreamsException(
                "Error encountered sending record to topic dlq for task 0_0 due to:\n" + refusal
                        + "\nException handler choose to FAIL the processing, no more records would be sent.",
                refusal);
    }
}
