package org.sagebionetworks.accessrecords.service.health;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Liveness;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.streams.KafkaStreams.State;
import org.reactivestreams.Publisher;
import org.sagebionetworks.accessrecords.service.EnricherStreams;

/**
 * Health from the Kafka Streams state. Ready (and {@code /health} UP) only while RUNNING or REBALANCING; alive
 * until the streams reach a state they cannot leave (ERROR, PENDING_ERROR, NOT_RUNNING), when a restart is the
 * cure.
 */
final class StreamsHealth {

    private static final Set<State> READY = Set.of(State.RUNNING, State.REBALANCING);
    private static final Set<State> DEAD = Set.of(State.ERROR, State.PENDING_ERROR, State.NOT_RUNNING);

    private StreamsHealth() {
    }

    private static HealthResult result(String name, boolean up, State state) {
        return HealthResult.builder(name, up ? HealthStatus.UP : HealthStatus.DOWN)
                .details(Map.of("state", state == null ? "NOT_STARTED" : state.name()))
                .build();
    }

    /** {@code /health/readiness} and {@code /health}. */
    @Singleton
    @Readiness
    static final class Ready implements HealthIndicator {

        private final EnricherStreams streams;

        Ready(EnricherStreams streams) {
            this.streams = streams;
        }

        @Override
        public Publisher<HealthResult> getResult() {
            State state = streams.state();
            return Publishers.just(result("kafkaStreams", state != null && READY.contains(state), state));
        }
    }

    /** {@code /health/liveness}. */
    @Singleton
    @Liveness
    static final class Alive implements HealthIndicator {

        private final EnricherStreams streams;

        Alive(EnricherStreams streams) {
            this.streams = streams;
        }

        @Override
        public Publisher<HealthResult> getResult() {
            State state = streams.state();
            return Publishers.just(result("kafkaStreamsAlive", state == null || !DEAD.contains(state), state));
        }
    }
}
