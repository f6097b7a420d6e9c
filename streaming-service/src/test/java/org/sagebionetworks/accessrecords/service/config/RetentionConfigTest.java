package org.sagebionetworks.accessrecords.service.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetentionConfigTest {

    @Test
    void lengthsAndForeverAreReadAsKafkaRetentionMs() {
        RetentionConfig config = new RetentionConfig("forever", "36h", "90d", "3d");

        assertThat(config.rawRetention().millis()).isEqualTo(-1);
        assertThat(config.processedRetention().millis())
                .isEqualTo(Duration.ofHours(36).toMillis());
        assertThat(config.deadLetterRetention().millis())
                .isEqualTo(Duration.ofDays(90).toMillis());
        assertThat(config.rawLocalRetention().orElseThrow().millis())
                .isEqualTo(Duration.ofDays(3).toMillis());
    }

    @Test
    void aMalformedLengthIsRefusedNamingTheSettingAndItsVariable() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RetentionConfig("forever", "7 days", "28d", null))
                .withMessage("access-records.topics.retention.processed (env ACCESS_RECORDS_TOPICS_RETENTION_PROCESSED)"
                        + " is 'forever' or a length such as 7d, 36h or 90m, not '7 days'");
    }

    @Test
    void aTieredRawTopicKeepsOnlyALengthOnDisk() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RetentionConfig("forever", "7d", "28d", "forever"))
                .withMessageContaining("ACCESS_RECORDS_TOPICS_RETENTION_RAW_LOCAL")
                .withMessageContaining("not forever");
    }
}
