package org.sagebionetworks.accessrecords.service.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.sagebionetworks.accessrecords.service.freshness.TableSink;

class FreshnessConfigTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Duration TEN_SECONDS = Duration.ofSeconds(10);

    @Test
    void withoutASinkGroupNothingIsProbed() {
        assertThat(new FreshnessConfig(null, null, MINUTE, TEN_SECONDS).sinks("processed.v1", "serving"))
                .isEmpty();
    }

    @Test
    void eachGroupIsProbedOnTheTopicItsSinkReads() {
        assertThat(new FreshnessConfig("connect-s3-sink-v1", "connect-s3-sink-serving", MINUTE, TEN_SECONDS)
                        .sinks("processed.v1", "processedaccessrecord"))
                .containsExactly(
                        new TableSink("connect-s3-sink-v1", "processed.v1"),
                        new TableSink("connect-s3-sink-serving", "processedaccessrecord"));
    }

    @Test
    void anIntervalUnderASecondIsRefusedNamingTheSetting() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new FreshnessConfig("g", null, Duration.ofMillis(500), Duration.ofMillis(100)))
                .withMessageContaining("access-records.freshness.interval (env ACCESS_RECORDS_FRESHNESS_INTERVAL)")
                .withMessageContaining("at least 1s");
    }

    @Test
    void aTimeoutLongerThanTheIntervalIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new FreshnessConfig("g", null, TEN_SECONDS, MINUTE))
                .withMessageContaining("access-records.freshness.timeout (env ACCESS_RECORDS_FRESHNESS_TIMEOUT)")
                .withMessageContaining("at most access-records.freshness.interval");
    }

    @Test
    void oneGroupForBothSinksIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new FreshnessConfig("connect-s3-sink-v1", "connect-s3-sink-v1", MINUTE, TEN_SECONDS))
                .withMessageContaining("ACCESS_RECORDS_FRESHNESS_SERVING_SINK_GROUP")
                .withMessageContaining("the serving sink's group, connect-<its connector name>");
    }
}
