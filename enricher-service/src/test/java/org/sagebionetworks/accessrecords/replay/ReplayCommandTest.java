package org.sagebionetworks.accessrecords.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.sagebionetworks.accessrecords.schema.PipelineVersion;

/** What the replay command refuses before it talks to any broker, and which topics it counts as the app's own. */
class ReplayCommandTest {

    private static final Path STATE = Path.of("/tmp/state");

    @Test
    void aMalformedVersionIsRefusedSayingWhatIsExpected() {
        ReplayRun run = ReplayRun.withArguments("--bootstrap-servers", "localhost:1", "--to-version", "2",
                "--from-earliest");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("--to-version", "(v1, v2, v10, ...)");
    }

    @Test
    void exactlyOneStartingPointIsRequiredAndATimeMustBeIsoWithAnOffset() {
        assertThat(ReplayRun.withArguments("--to-version", "v2").exitCode()).isEqualTo(2);
        assertThat(ReplayRun.withArguments("--to-version", "v2", "--from-earliest", "--from", "2026-11-01T00:00:00Z")
                .exitCode()).isEqualTo(2);
        assertThat(ReplayRun.withArguments("--to-version", "v2", "--from", "2026-11-01").exitCode()).isEqualTo(2);
    }

    @Test
    void internalTopicsAreTheApplicationsChangelogsAndRepartitionTopicsOnly() {
        ReplayTarget v1 = ReplayTarget.of(PipelineVersion.of("v1"), null, "raw", null, STATE);

        assertThat(v1.isInternalTopic("synapse-access-records-v1-dedup-seen-sessions-changelog")).isTrue();
        assertThat(v1.isInternalTopic("synapse-access-records-v1-rows-by-session-id-repartition")).isTrue();
        assertThat(v1.isInternalTopic("synapse-access-records-v10-dedup-seen-sessions-changelog")).isFalse();
        assertThat(v1.isInternalTopic("synapse.accessrecords.processed.v1")).isFalse();
        assertThat(v1.stateDir()).isEqualTo(STATE.resolve("synapse-access-records-v1"));
    }

    @Test
    void explicitNamesOverrideTheVersionsAsTheServicesSettingsDo() {
        ReplayTarget target = ReplayTarget.of(PipelineVersion.of("v2"), "my-app", "raw", "my.processed", STATE);

        assertThat(target.applicationId()).isEqualTo("my-app");
        assertThat(target.processedTopic()).isEqualTo("my.processed");
        assertThat(target.stateDir()).isEqualTo(STATE.resolve("my-app"));
    }
}
