package org.sagebionetworks.accessrecords.service.health;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Liveness;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.kafka.streams.KafkaStreams.State;
import org.reactivestreams.Publisher;
import org.sagebionetworks.accessrecords.service.StreamsLifecycle;
import org.sagebionetworks.accessrecords.service.errors.FailurePolicy;

/**
 * Health from the Kafka Streams state. Ready (and {@code /health} UP) only while RUNNING or REBALANCING; alive
 * until the streams reach a state they cannot leave (ERROR, PENDING_ERROR, NOT_RUNNING), when a restart is the
 * cure. Before startup there is no state: not ready, but alive. Once the failure policy stopped Kafka Streams, both
 * are DOWN and the details say why ({@code failure}).
 */
abstract class StreamsHealth implements HealthIndicator {

    private static final Set<State> READY = Set.of(State.RUNNING, State.REBALANCING);
    private static final Set<State> DEAD = Set.of(State.ERROR, State.PENDING_ERROR, State.NOT_RUNNING);

    private final StreamsLifecycle streams;
    private final FailurePolicy failures;
    private final String name;
    private final Predicate<State> up;

    StreamsHealth(StreamsLifecycle streams, FailurePolicy failures, String name, Predicate<State> up) {
        this.streams = streams;
        this.failures = failures;
        this.name = name;
        this.up = up;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        State state = streams.state();
        Map<String, String> details = new LinkedHashMap<>();
        details.put("state", state == null ? "NOT_STARTED" : state.name());
        failures.stopReason().ifPresent(reason -> details.put("failure", reason));
        return Publishers.just(HealthResult.builder(name, healthy() ? HealthStatus.UP : HealthStatus.DOWN)
                .details(details)
                .build());
    }

    /** Whether this indicator reports UP now. */
    boolean healthy() {
        return up.test(streams.state()) && failures.stopReason().isEmpty();
    }

    /** {@code /health/readiness} and {@code /health}. */
    @Singleton
    @Readiness
    static final class Ready extends StreamsHealth {
        Ready(StreamsLifecycle streams, FailurePolicy failures) {
            super(streams, failures, "kafkaStreams", state -> state != null && READY.contains(state));
        }
    }

    /** {@code /health/liveness} and {@code /health}. */
    @Singleton
    @Liveness
    static final class Alive extends StreamsHealth {
        Alive(StreamsLifecycle streams, FailurePolicy failures) {
            super(streams, failures, "kafkaStreamsAlive", state -> state == null || !DEAD.contains(state));
        }
    }
}
