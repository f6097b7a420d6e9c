package org.sagebionetworks.accessrecords.service.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.sagebionetworks.accessrecords.schema.SharedNames;

class ServingConfigTest {

    @Test
    void unsetTheVersionDoesNotServe() {
        assertThat(ServingConfig.NONE.window()).isEmpty();
    }

    @Test
    void aWindowIncludesItsStartAndExcludesItsEnd() {
        var window = new ServingConfig("2026-12-01T00:00:00Z", "2027-01-01T00:00:00Z", SharedNames.SERVING_TOPIC)
                .window()
                .orElseThrow();

        assertThat(window.contains(Instant.parse("2026-12-01T00:00:00Z"))).isTrue();
        assertThat(window.contains(Instant.parse("2026-11-30T23:59:59.999Z"))).isFalse();
        assertThat(window.contains(Instant.parse("2026-12-31T23:59:59.999Z"))).isTrue();
        assertThat(window.contains(Instant.parse("2027-01-01T00:00:00Z"))).isFalse();
    }

    @Test
    void anEndWithoutAStartIsRefusedNamingBothSettings() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ServingConfig(null, "2026-12-01T00:00:00Z", SharedNames.SERVING_TOPIC))
                .withMessageContaining("ACCESS_RECORDS_SERVING_UNTIL) is set but")
                .withMessageContaining("ACCESS_RECORDS_SERVING_FROM");
    }

    @Test
    void aDateWithoutATimeIsRefusedWithAnExample() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ServingConfig("2026-12-01", null, SharedNames.SERVING_TOPIC))
                .withMessageContaining("access-records.serving.from")
                .withMessageContaining("2026-12-01T00:00:00Z, not '2026-12-01'");
    }

    @Test
    void anEndNotAfterTheStartIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() ->
                        new ServingConfig("2026-12-01T00:00:00Z", "2026-12-01T00:00:00Z", SharedNames.SERVING_TOPIC))
                .withMessageContaining("must be later than access-records.serving.from");
    }
}
