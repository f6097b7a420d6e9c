package org.sagebionetworks.accessrecords.service.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The clock skew must leave the horizon something to check: one record may not put every other out of it. */
class DedupConfigTest {

    private static final Duration HORIZON = Duration.ofHours(24);

    @Test
    void aSkewShorterThanTheHorizonIsAccepted() {
        assertThat(new DedupConfig(HORIZON, Duration.ofHours(23)).maxClockSkew())
                .isEqualTo(Duration.ofHours(23));
        assertThat(new DedupConfig(HORIZON, Duration.ZERO).maxClockSkew()).isZero();
    }

    @Test
    void aSkewAsLongAsTheHorizonIsRefusedNamingThePropertyAndItsEnvironmentVariable() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new DedupConfig(HORIZON, HORIZON))
                .withMessageStartingWith(
                        "access-records.dedup.max-clock-skew (env ACCESS_RECORDS_DEDUP_MAX_CLOCK_SKEW)")
                .withMessageContaining("shorter than access-records.dedup.horizon (PT24H), was PT24H");
    }

    @Test
    void unsetTheSkewIsAnHourOrHalfAShorterHorizon() {
        assertThat(new DedupConfig(HORIZON, null).maxClockSkew()).isEqualTo(Duration.ofHours(1));
        assertThat(new DedupConfig(Duration.ofMinutes(40), null).maxClockSkew()).isEqualTo(Duration.ofMinutes(20));
    }

    @Test
    void aNegativeSkewIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new DedupConfig(HORIZON, Duration.ofMinutes(-1)))
                .withMessageContaining("must be at least 0");
    }
}
