package org.sagebionetworks.accessrecords.service.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.Duration;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.internals.KafkaFutureImpl;
import org.junit.jupiter.api.Test;

class KafkaWaitsTest {

    @Test
    void aCompletedCallGivesItsValue() {
        assertThat(KafkaWaits.await(
                        KafkaFuture.completedFuture("cluster-1"), "describe the cluster", Duration.ofSeconds(1)))
                .isEqualTo("cluster-1");
    }

    @Test
    void aFailedCallSaysWhatWasTriedAndKeepsKafkasCause() {
        KafkaFutureImpl<String> failed = new KafkaFutureImpl<>();
        failed.completeExceptionally(new GroupAuthorizationException("not allowed"));

        assertThatIllegalStateException()
                .isThrownBy(() -> KafkaWaits.await(failed, "list the offsets of connect-sink", Duration.ofSeconds(1)))
                .withMessageStartingWith("cannot list the offsets of connect-sink: ")
                .withCauseInstanceOf(GroupAuthorizationException.class);
    }

    @Test
    void aCallThatDoesNotAnswerGivesUpAtTheTimeout() {
        assertThatIllegalStateException()
                .isThrownBy(() -> KafkaWaits.await(new KafkaFutureImpl<String>(), "list topics", Duration.ofMillis(50)))
                .withMessage("cannot list topics within PT0.05S");
    }
}
