package org.sagebionetworks.accessrecords.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PipelineVersionTest {

    @Test
    void aVersionDerivesEveryNameItOwnsByTheTeamsConventions() {
        PipelineVersion v2 = PipelineVersion.of("v2");

        assertThat(v2.applicationId()).isEqualTo("synapse-access-records-v2");
        assertThat(v2.processedTopic()).isEqualTo("synapse.accessrecords.processed.v2");
        assertThat(v2.topicsDir()).isEqualTo("processed/v2");
        assertThat(v2.glueTable()).isEqualTo("processedaccessrecord_v2");
    }

    @Test
    void theDefaultVersionKeepsTheNamesTheServiceHadBeforeVersions() {
        PipelineVersion v1 = PipelineVersion.of(PipelineVersion.DEFAULT);

        assertThat(v1.applicationId()).isEqualTo("synapse-access-records-v1");
        assertThat(v1.processedTopic()).isEqualTo("synapse.accessrecords.processed.v1");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"2", "V2", "v", "v01", "v0", "v2 ", "v-2", "v2.1", "version2", "v1234567890"})
    void anythingButVAndANumberIsRefusedSayingWhatIsExpected(String name) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PipelineVersion.of(name))
                .withMessageContaining("(v1, v2, v10, ...)");
    }

    @Test
    void versionsAreValues() {
        assertThat(PipelineVersion.of("v10"))
                .isEqualTo(PipelineVersion.of("v10"))
                .isNotEqualTo(PipelineVersion.of("v1"));
        assertThat(PipelineVersion.of("v10")).hasToString("v10");
    }
}
