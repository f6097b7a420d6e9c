package org.sagebionetworks.accessrecords.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sagebionetworks.accessrecords.connect.SinkConnectorConfig;
import org.sagebionetworks.accessrecords.schema.PipelineVersion;
import org.sagebionetworks.accessrecords.schema.SharedNames;

/**
 * The configuration MSK Connect receives, as Terraform plans it, is exactly {@code connect-config/s3-sink.json}
 * rendered by {@link SinkConnectorConfig} (the renderer the tests and the local stack use) with the version's
 * names, the placement's bucket and folder, the layout's path and the plan's sizes: no key added, dropped or
 * rendered differently by {@code templatefile}.
 */
class PlannedConnectorIT extends OnPlannedStacks {

    @ParameterizedTest
    @MethodSource("variableSets")
    void eachVersionsConnectorRunsS3SinkJsonRenderedForThatVersion(StackVariables variables) {
        TerraformPlan plan = stacks.plan(variables);

        for (String version : variables.versions()) {
            JsonNode connector = plan.after("aws_mskconnect_connector.s3_sink[\"" + version + "\"]");

            assertThat(asMap(connector.path("connector_configuration")))
                    .isEqualTo(SinkConnectorConfig.production(
                            variables.layout(), expectedVariables(plan, variables, version)));
            assertThat(connector.path("kafkaconnect_version").asText())
                    .isEqualTo(plan.variable("kafkaconnect_version"));
        }
    }

    @Test
    void theConnectorTalksToMskOverTlsWithIamAndLogsToItsOwnGroup() {
        JsonNode connector = stacks.plan(PlannedStacks.MINIMAL).after("aws_mskconnect_connector.s3_sink[\"v1\"]");

        assertThat(connector
                        .at("/kafka_cluster_client_authentication/0/authentication_type")
                        .asText())
                .isEqualTo("IAM");
        assertThat(connector
                        .at("/kafka_cluster_encryption_in_transit/0/encryption_type")
                        .asText())
                .isEqualTo("TLS");
        assertThat(connector
                        .at("/log_delivery/0/worker_log_delivery/0/cloudwatch_logs/0/log_group")
                        .asText())
                .isEqualTo("/dev/connect/dev-s3-sink-v1");
    }

    @Test
    void thePluginIsThePinnedZipAndTheProductionSetUploadsIt() {
        TerraformPlan production = stacks.plan(PlannedStacks.PRODUCTION);
        String pinned = production.variable("sink_plugin_zip_key");

        assertThat(production
                        .after("aws_mskconnect_custom_plugin.s3_sink")
                        .at("/location/0/s3/0/file_key")
                        .asText())
                .isEqualTo(pinned);
        assertThat(production.after("aws_s3_object.sink_plugin[0]").path("key").asText())
                .isEqualTo(pinned);
        assertThat(production
                        .after("aws_s3_object.sink_plugin[0]")
                        .path("source")
                        .asText())
                .isEqualTo(PlannedStacks.PLUGIN_ZIP.toString());
        assertThat(stacks.plan(PlannedStacks.MINIMAL).addresses("aws_s3_object"))
                .as("without sink_plugin_zip_file the zip is expected in the bucket already")
                .isEmpty();
    }

    /** The names Terraform gives a version, from the conventions the rest of the code shares. */
    private static Map<String, String> expectedVariables(TerraformPlan plan, StackVariables variables, String version) {
        Map<String, String> expected = new HashMap<>(SinkConnectorConfig.versionVariables(PipelineVersion.of(version)));
        expected.put("connector_name", variables.stack() + "-s3-sink-" + version);
        expected.put("topics_dir", variables.topicsDir(version));
        expected.put("lake_bucket", variables.lakeBucket());
        expected.put("region", plan.variable("region"));
        expected.put("tasks_max", plan.variable("sink_tasks_max"));
        expected.put("flush_size", plan.variable("sink_flush_size"));
        expected.put("rotate_interval_ms", plan.variable("sink_rotate_interval_ms"));
        expected.put("sink_dead_letter_topic", SharedNames.SINK_DEAD_LETTER_TOPIC);
        expected.put(
                "replication_factor", String.valueOf(Math.min(3, Integer.parseInt(plan.variable("broker_count")))));
        return expected;
    }

    private static Map<String, String> asMap(JsonNode object) {
        Map<String, String> map = new LinkedHashMap<>();
        object.fields()
                .forEachRemaining(
                        field -> map.put(field.getKey(), field.getValue().asText()));
        return map;
    }
}
