package org.sagebionetworks.accessrecords.connect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sagebionetworks.accessrecords.schema.PipelineVersion;

/**
 * Renders the S3 sink connector configuration from the files in {@code connect-config/}: {@code s3-sink.json}
 * with its {@code ${variable}} placeholders filled, the layout's {@code path.format}, and for a local run the
 * overrides in {@code local.json}. Terraform renders the same files with {@code templatefile}.
 */
public final class SinkConnectorConfig {

    /** The variables {@code s3-sink.json} and {@code local.json} use; Terraform passes the same names. */
    public static final Set<String> VARIABLES = Set.of(
            "connector_name",
            "tasks_max",
            "processed_topic",
            "lake_bucket",
            "region",
            "topics_dir",
            "path_format",
            "flush_size",
            "rotate_interval_ms",
            "sink_dead_letter_topic",
            "replication_factor",
            "s3_endpoint");

    /** Terraform's templatefile syntax; names are lower-case identifiers such as {@code s3_endpoint}. */
    static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([a-z][a-z0-9_]*)}");

    private static final ObjectMapper JSON = new ObjectMapper();

    private SinkConnectorConfig() {}

    /** The production configuration for MSK Connect with Confluent's plugin. */
    public static Map<String, String> production(Layout layout, Map<String, String> variables) {
        return render(read("s3-sink.json"), withPathFormat(layout, variables));
    }

    /** The same configuration with only the connector class and the S3 endpoint changed, for local runs. */
    public static Map<String, String> local(Layout layout, Map<String, String> variables) {
        Map<String, String> config = production(layout, variables);
        render(read("local.json"), withPathFormat(layout, variables)).forEach((key, value) -> {
            if (!key.equals("description")) {
                config.put(key, value);
            }
        });
        return config;
    }

    /**
     * The variables a pipeline version decides: the topic the sink reads and the {@code topics.dir} it writes
     * under, so the v2 connector reads v2's rows and writes them beside, never over, v1's files.
     */
    public static Map<String, String> versionVariables(PipelineVersion version) {
        return Map.of("processed_topic", version.processedTopic(), "topics_dir", version.topicsDir());
    }

    /** The raw file, placeholders and all, as Terraform and the contract tests see it. */
    public static JsonNode read(String file) {
        try (InputStream in = SinkConnectorConfig.class.getResourceAsStream("/connect-config/" + file)) {
            if (in == null) {
                throw new IllegalStateException("connect-config/" + file + " is not on the classpath");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read connect-config/" + file, e);
        }
    }

    /** Every placeholder a file uses. */
    public static Set<String> placeholders(JsonNode file) {
        Set<String> names = new TreeSet<>();
        file.fields().forEachRemaining(field -> {
            Matcher matcher = PLACEHOLDER.matcher(field.getValue().asText());
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
        });
        return names;
    }

    private static Map<String, String> withPathFormat(Layout layout, Map<String, String> variables) {
        Map<String, String> all = new LinkedHashMap<>(variables);
        all.put("path_format", layout.pathFormat());
        return all;
    }

    static Map<String, String> render(JsonNode file, Map<String, String> variables) {
        Map<String, String> config = new LinkedHashMap<>();
        file.fields()
                .forEachRemaining(field ->
                        config.put(field.getKey(), fill(field.getValue().asText(), variables)));
        return config;
    }

    private static String fill(String template, Map<String, String> variables) {
        if (PLACEHOLDER.matcher(template).replaceAll("").contains("${")) {
            // Left alone it would reach the connector as a literal and fail far from here.
            throw new IllegalArgumentException("\"" + template + "\" has a placeholder that is not a variable name");
        }
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = variables.get(matcher.group(1));
            if (value == null) {
                throw new IllegalArgumentException("connector variable " + matcher.group(1) + " has no value");
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return matcher.appendTail(out).toString();
    }
}
