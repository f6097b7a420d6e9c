package org.sagebionetworks.accessrecords.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Terraform, docker-compose and the docs install one release of Confluent's S3 sink, and it is one that honours
 * what connect-config/s3-sink.json says: rotation on a day change and no dead letter for a skipped tombstone.
 */
class SinkPluginVersionTest {

    private static final Pattern ZIP =
            Pattern.compile("confluentinc-kafka-connect-s3-(\\d+\\.\\d+\\.\\d+)-with-synapse-access-records\\.zip");
    private static final Pattern ANY_MENTION =
            Pattern.compile("kafka-connect-s3(?:-|:|/versions/|:\\$\\{S3_SINK_VERSION:-)(\\d+\\.\\d+\\.\\d+)");

    @Test
    void terraformPinsTheZipOfAReleaseThatRotatesOnADayChangeAndCanStopReportingNulls() {
        ConfluentS3SinkVersion pinned = terraformVersion();

        assertThat(pinned.rotatesOnADayChange()).as(pinned.toString()).isTrue();
        assertThat(pinned.canStopReportingNulls()).as(pinned.toString()).isTrue();
    }

    @Test
    void dockerComposeInstallsThePinnedReleaseByDefault() {
        Matcher install = Pattern.compile("confluentinc/kafka-connect-s3:\\$\\{S3_SINK_VERSION:-([^}]+)}")
                .matcher(Repository.read(Repository.COMPOSE));

        assertThat(install.find())
                .as("docker-compose installs the sink with a default version")
                .isTrue();
        assertThat(ConfluentS3SinkVersion.parse(install.group(1))).isEqualTo(terraformVersion());
    }

    @Test
    void theDocsNameThePinnedReleaseAndNoOther() throws IOException {
        Set<String> mentioned = new TreeSet<>();
        for (Path page : pages()) {
            ANY_MENTION.matcher(Repository.read(page)).results().forEach(match -> mentioned.add(match.group(1)));
        }

        assertThat(mentioned).containsExactly(terraformVersion().toString());
    }

    @Test
    void theReleaseRulesAreTheOnesOfConfluentsReleaseHistory() {
        assertThat(ConfluentS3SinkVersion.parse("10.0.37").rotatesOnADayChange())
                .isFalse();
        assertThat(ConfluentS3SinkVersion.parse("10.6.2").rotatesOnADayChange()).isFalse();
        assertThat(ConfluentS3SinkVersion.parse("10.6.3").rotatesOnADayChange()).isTrue();
        assertThat(ConfluentS3SinkVersion.parse("11.0.0").rotatesOnADayChange()).isTrue();
        assertThat(ConfluentS3SinkVersion.parse("10.5.15").canStopReportingNulls())
                .isFalse();
        assertThat(ConfluentS3SinkVersion.parse("10.5.16").canStopReportingNulls())
                .isTrue();
        assertThat(ConfluentS3SinkVersion.parse("10.0.33").canStopReportingNulls())
                .isTrue();
    }

    private static ConfluentS3SinkVersion terraformVersion() {
        Map<?, ?> variable =
                (Map<?, ?>) TerraformConfig.load().entries("variable").get("sink_plugin_zip_key");
        Matcher zip = ZIP.matcher(String.valueOf(variable.get("default")));
        assertThat(zip.matches())
                .as("sink_plugin_zip_key defaults to Confluent Hub's zip name with ours: %s", variable.get("default"))
                .isTrue();
        return ConfluentS3SinkVersion.parse(zip.group(1));
    }

    private static List<Path> pages() throws IOException {
        try (Stream<Path> docs = Files.list(Repository.ROOT.resolve("docs"))) {
            return Stream.concat(docs, Stream.of(Repository.ROOT.resolve("README.md")))
                    .filter(page -> page.toString().endsWith(".md"))
                    .toList();
        }
    }
}
