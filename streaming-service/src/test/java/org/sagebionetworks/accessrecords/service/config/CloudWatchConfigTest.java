package org.sagebionetworks.accessrecords.service.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CloudWatchConfigTest {

    @Test
    void aStepFinerThanCloudWatchsResolutionIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> new CloudWatchConfig(true, "SynapseAccessRecords", Duration.ofMillis(500)))
                .hasMessageContaining("access-records.cloudwatch.step must be at least 1s");
    }
}
