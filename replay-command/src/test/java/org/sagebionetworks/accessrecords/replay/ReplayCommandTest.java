package org.sagebionetworks.accessrecords.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sagebionetworks.accessrecords.schema.PipelineVersion;

/** What the replay command refuses before it talks to any broker, and which topics it counts as the app's own. */
class ReplayCommandTest {

    private static final Path STATE = Path.of("/tmp/state");

    @Test
    void aMalformedVersionIsRefusedSayingWhatIsExpected() {
        ReplayRun run = ReplayRun.withArguments(
                "--bootstrap-servers",
                "localhost:1",
                "--to-version",
                "2",
                "--serving-version",
                "v1",
                "--lake-bucket",
                "lake",
                "--from-earliest");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("--to-version", "(v1, v2, v10, ...)");
    }

    @Test
    void exactlyOneStartingPointIsRequiredAndATimeMustBeIsoWithAnOffset() {
        assertThat(usage().exitCode()).isEqualTo(2);
        assertThat(usage("--from-earliest", "--from", "2026-11-01T00:00:00Z").exitCode())
                .isEqualTo(2);
        assertThat(usage("--from", "2026-11-01").err()).contains("not an ISO-8601 time with offset");
    }

    @Test
    void theServingVersionAndTheLakeMustBeNamed() {
        assertThat(ReplayRun.withArguments("--to-version", "v2", "--lake-bucket", "lake", "--from-earliest")
                        .err())
                .contains("--serving-version");
        assertThat(ReplayRun.withArguments("--to-version", "v2", "--serving-version", "v1", "--from-earliest")
                        .err())
                .contains("--lake-bucket");
    }

    @Test
    void aLakePrefixMustBeFoldersJoinedBySingleSlashesAsTerraformsLakePrefix() {
        for (String prefix : List.of("/warehouse", "warehouse/", "warehouse//stream", "ware house")) {
            ReplayRun run = usage("--from-earliest", "--lake-prefix", prefix);

            assertThat(run.exitCode()).as(prefix).isEqualTo(2);
            assertThat(run.err()).as(prefix).contains("--lake-prefix", "lake_prefix", "without a slash at either end");
        }
    }

    @Test
    void theVersionsFolderIsItsTopicsDirUnderTheLakePrefixAsTerraformPlacesIt() {
        PipelineVersion v2 = PipelineVersion.of("v2");

        assertThat(ReplayTarget.of(v2, null, "raw", null, null, STATE, LakePrefix.of("warehouse/stream"))
                        .topicsDir())
                .isEqualTo("warehouse/stream/processed/v2");
        assertThat(ReplayTarget.of(v2, null, "raw", null, null, STATE, LakePrefix.of(""))
                        .topicsDir())
                .as("no prefix: the bucket's root")
                .isEqualTo("processed/v2");
    }

    @Test
    void internalTopicsAreTheApplicationsChangelogsAndRepartitionTopicsOnly() {
        ReplayTarget v1 = ReplayTarget.of(PipelineVersion.of("v1"), null, "raw", null, null, STATE, LakePrefix.ROOT);

        assertThat(v1.isInternalTopic("synapse-access-records-v1-dedup-seen-sessions-changelog"))
                .isTrue();
        assertThat(v1.isInternalTopic("synapse-access-records-v1-rows-by-session-id-repartition"))
                .isTrue();
        assertThat(v1.isInternalTopic("synapse-access-records-v10-dedup-seen-sessions-changelog"))
                .isFalse();
        assertThat(v1.isInternalTopic("synapse.accessrecords.processed.v1")).isFalse();
        assertThat(v1.stateDir()).isEqualTo(STATE.resolve("synapse-access-records-v1"));
    }

    @Test
    void explicitNamesOverrideTheVersionsAsTheServicesSettingsDo() {
        ReplayTarget target = ReplayTarget.of(
                PipelineVersion.of("v2"), "my-app", "raw", "my.processed", null, STATE, LakePrefix.ROOT);

        assertThat(target.applicationId()).isEqualTo("my-app");
        assertThat(target.processedTopic()).isEqualTo("my.processed");
        assertThat(target.stateDir()).isEqualTo(STATE.resolve("my-app"));
    }

    /** A run that reaches no broker: only the options decide its outcome. */
    private static ReplayRun usage(String... start) {
        List<String> args = new ArrayList<>(List.of(
                "--bootstrap-servers",
                "localhost:1",
                "--kafka-timeout",
                "PT1S",
                "--to-version",
                "v2",
                "--serving-version",
                "v1",
                "--lake-bucket",
                "lake"));
        args.addAll(List.of(start));
        return ReplayRun.withArguments(args.toArray(String[]::new));
    }
}
