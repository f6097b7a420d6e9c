package org.sagebionetworks.accessrecords.service.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.sagebionetworks.accessrecords.schema.PipelineVersion;
import org.sagebionetworks.accessrecords.schema.SharedNames;

/** {@code access-records.pipeline-version} derives the names; the fixed property names still override them. */
class PipelineVersionConfigTest {

    @Test
    void theVersionDerivesTheApplicationIdAndTheProcessedTopic() {
        PipelineConfig pipeline = pipeline("v2", null);

        assertThat(pipeline.applicationId()).isEqualTo("synapse-access-records-v2");
        assertThat(topics(null).processedTopic(pipeline.version())).isEqualTo("synapse.accessrecords.processed.v2");
    }

    @Test
    void explicitNamesOverrideTheVersion() {
        PipelineConfig pipeline = pipeline("v2", "my-app");

        assertThat(pipeline.applicationId()).isEqualTo("my-app");
        assertThat(topics("my.processed").processedTopic(pipeline.version())).isEqualTo("my.processed");
    }

    @Test
    void aBadVersionIsRefusedNamingThePropertyAndItsEnvironmentVariableEvenWhenTheNamesAreExplicit() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> pipeline("2", "my-app"))
                .withMessageStartingWith("access-records.pipeline-version (env ACCESS_RECORDS_PIPELINE_VERSION)")
                .withMessageContaining("not '2'");
    }

    @Test
    void theDefaultsAreVersionOnesNames() {
        PipelineVersion v1 = PipelineVersion.of(PipelineVersion.DEFAULT);

        assertThat(pipeline(PipelineVersion.DEFAULT, null).applicationId()).isEqualTo("synapse-access-records-v1");
        assertThat(topics(null).processedTopic(v1)).isEqualTo("synapse.accessrecords.processed.v1");
    }

    private static PipelineConfig pipeline(String version, String applicationId) {
        return new PipelineConfig(
                version,
                applicationId,
                true,
                1_000_000,
                1,
                "/tmp/state",
                Duration.ofSeconds(30),
                Duration.ofSeconds(30),
                false);
    }

    private static TopicsConfig topics(String processed) {
        return new TopicsConfig(
                SharedNames.RAW_TOPIC, processed, SharedNames.DEAD_LETTER_TOPIC, true, 1, (short) 1, 8_388_608, null);
    }
}
