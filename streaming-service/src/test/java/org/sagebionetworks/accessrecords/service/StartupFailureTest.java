package org.sagebionetworks.accessrecords.service;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The service refuses to start on a bad setting or an unreachable cluster, saying what to fix. */
class StartupFailureTest {

    @Test
    void anUnreachableClusterStopsStartupNamingTheServersAndTheSettings() {
        assertThatThrownBy(() -> start(Map.of("kafka.bootstrap.servers", "localhost:1")))
                .hasStackTraceContaining("Kafka at localhost:1 did not let us list topics within PT2S")
                .hasStackTraceContaining("Check kafka.bootstrap.servers (KAFKA_BOOTSTRAP_SERVERS)");
    }

    @Test
    void aNonPositiveDedupHorizonStopsStartupNamingTheProperty() {
        assertThatThrownBy(() -> start(Map.of("access-records.dedup.horizon", "-5s")))
                .rootCause()
                .hasMessageContaining("access-records.dedup.horizon must be positive");
    }

    @Test
    void rocksDBMemoryTooSmallForThePartitionsStopsStartupNamingTheSizeNeeded() {
        assertThatThrownBy(() -> start(Map.of(
                        "access-records.state.rocksdb.total-memory", "16MB", "access-records.topics.partitions", 6)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("access-records.state.rocksdb.total-memory "
                        + "(env ACCESS_RECORDS_STATE_ROCKSDB_TOTAL_MEMORY) is 16 MiB")
                .hasMessageContaining("set it to at least 96MB");
    }

    @Test
    void aMalformedPipelineVersionStopsStartupNamingThePropertyAndWhatIsExpected() {
        assertThatThrownBy(() -> start(Map.of("access-records.pipeline-version", "2")))
                .rootCause()
                .hasMessageContaining("access-records.pipeline-version (env ACCESS_RECORDS_PIPELINE_VERSION)")
                .hasMessageContaining("(v1, v2, v10, ...)");
    }

    @Test
    void anOutOfRangeSettingStopsStartupNamingIt() {
        assertThatThrownBy(() -> start(Map.of("access-records.max-record-bytes", "10")))
                .hasStackTraceContaining("maxRecordBytes");
    }

    @Test
    void aRemovedErrorPolicySettingStopsStartupNamingItAndWhy() {
        assertThatThrownBy(() -> start(Map.of("access-records.deserialization-errors", "CONTINUE")))
                .rootCause()
                .hasMessageContaining(
                        "access-records.deserialization-errors (env ACCESS_RECORDS_DESERIALIZATION_ERRORS) "
                                + "was removed")
                .hasMessageContaining("Remove the setting");
    }

    @Test
    void aNonPositiveRetryBudgetWindowStopsStartupNamingTheProperty() {
        assertThatThrownBy(() -> start(Map.of("access-records.retry-budget.window", "0s")))
                .rootCause()
                .hasMessageContaining("access-records.retry-budget.window must be positive");
    }

    private static void start(Map<String, Object> settings) {
        Map<String, Object> properties = new HashMap<>(Map.of(
                "kafka.bootstrap.servers", "localhost:1",
                "access-records.startup-timeout", "2s",
                "micronaut.server.port", -1));
        properties.putAll(settings);
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties)) {
            server.getApplicationContext().getBean(StreamsLifecycle.class);
        }
    }
}
