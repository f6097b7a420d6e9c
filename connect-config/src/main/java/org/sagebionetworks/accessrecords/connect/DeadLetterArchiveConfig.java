package org.sagebionetworks.accessrecords.connect;

import java.util.Map;
import java.util.Set;

/**
 * Renders the dead-letter archive connector's configuration, {@code connect-config/dead-letter-archive.json}: one
 * S3 sink that reads every dead-letter topic and writes each letter as a JSON line through the
 * dead-letter-envelope transform. Terraform renders the same file with {@code templatefile}.
 */
public final class DeadLetterArchiveConfig {

    public static final String FILE = "dead-letter-archive.json";

    /** The variables the file uses; Terraform passes the same names. */
    public static final Set<String> VARIABLES = Set.of(
            "connector_name",
            "dead_letter_topics",
            "lake_bucket",
            "region",
            "archive_dir",
            "flush_size",
            "rotate_schedule_interval_ms");

    /** Where the archive writes under the lake's folder: {@code <lake_prefix>/dead-letters/<topic>/...}. */
    public static final String ARCHIVE_DIR = "dead-letters";

    private DeadLetterArchiveConfig() {}

    /** For MSK Connect with Confluent's plugin and the transform's jar. */
    public static Map<String, String> production(Map<String, String> variables) {
        return SinkConnectorConfig.render(SinkConnectorConfig.read(FILE), variables);
    }

    /** The same with the local run's connector class and S3 endpoint ({@code local.json}). */
    public static Map<String, String> local(Map<String, String> variables) {
        Map<String, String> config = production(variables);
        SinkConnectorConfig.render(SinkConnectorConfig.read("local.json"), variables)
                .forEach((key, value) -> {
                    if (!key.equals("description")) {
                        config.put(key, value);
                    }
                });
        return config;
    }
}
