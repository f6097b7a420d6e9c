package org.sagebionetworks.accessrecords.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sagebionetworks.accessrecords.connect.Layout;
import org.sagebionetworks.accessrecords.connect.SinkConnectorConfig;
import org.sagebionetworks.accessrecords.schema.SharedNames;

/**
 * The serving folder as Terraform plans it (docs/serving.md): one more sink, on the topic named after the table,
 * writing today's layout into the folder that holds today's processedaccessrecord/, allowed to write nowhere else;
 * the versions' serving windows refused when a row could reach the folder twice.
 */
class PlannedServingIT extends OnPlannedStacks {

    private static final String SERVING_SINK = "aws_mskconnect_connector.s3_sink[\"serving\"]";

    @Test
    void theServingSinkWritesTheServingTopicInTodaysLayoutIntoTheFolderTheLoadersRead() {
        TerraformPlan plan = stacks.plan(PlannedStacks.PRODUCTION);
        Map<String, String> variables = new LinkedHashMap<>(Map.of(
                "connector_name",
                "prod-s3-sink-serving",
                "processed_topic",
                SharedNames.SERVING_TOPIC,
                "topics_dir",
                StackVariables.SERVING_DIR,
                "lake_bucket",
                PlannedStacks.PRODUCTION.lakeBucket(),
                "region",
                plan.variable("region"),
                "tasks_max",
                plan.variable("sink_tasks_max"),
                "flush_size",
                plan.variable("sink_flush_size"),
                "rotate_interval_ms",
                plan.variable("sink_rotate_interval_ms"),
                "sink_dead_letter_topic",
                SharedNames.SINK_DEAD_LETTER_TOPIC,
                "replication_factor",
                "3"));

        assertThat(asMap(plan.after(SERVING_SINK).path("connector_configuration")))
                .isEqualTo(SinkConnectorConfig.production(Layout.RECORD_DATE, variables));
    }

    @Test
    void theServingSinkMayWriteOnlyTheServingTableFolderOfTheDatabasesFolder() {
        PlannedPolicy sink = PlannedPolicy.of(stacks.plan(PlannedStacks.PRODUCTION), "sink", "serving");
        String bucket = "arn:aws:s3:::" + PlannedStacks.PRODUCTION.lakeBucket();

        assertThat(sink.knownResourcesOf(Set.of("s3:PutObject", "s3:GetObject")))
                .containsExactly(bucket + "/" + StackVariables.SERVING_DIR + "/" + SharedNames.SERVING_TOPIC + "/*");
    }

    @Test
    void withoutServingDirThereIsNoServingSink() {
        assertThat(stacks.plan(PlannedStacks.MINIMAL).has(SERVING_SINK)).isFalse();
        assertThat(stacks.plan(PlannedStacks.MINIMAL).addresses("aws_mskconnect_connector"))
                .filteredOn(address -> address.startsWith("aws_mskconnect_connector.s3_sink"))
                .containsExactly("aws_mskconnect_connector.s3_sink[\"v1\"]");
    }

    @Test
    void theServingSinkHasItsOwnLagAlarmNamedOnceByItsConnector() {
        JsonNode alarm =
                stacks.plan(PlannedStacks.PRODUCTION).after("aws_cloudwatch_metric_alarm.sink_lag[\"serving\"]");

        assertThat(alarm.path("alarm_name").asText()).isEqualTo("prod-s3-sink-serving-lag");
        assertThat(alarm.at("/dimensions/Topic").asText()).isEqualTo(SharedNames.SERVING_TOPIC);
        assertThat(alarm.at("/dimensions/Consumer Group").asText()).isEqualTo("connect-prod-s3-sink-serving");
    }

    /** One refused plan shows every rule, since Terraform reports each failed validation (a plan costs seconds). */
    @Test
    void windowsThatOverlapNameAVersionThatDoesNotRunOrHaveNoServingSinkAreRefused() {
        StackVariables refused = PlannedStacks.MINIMAL.with(
                "minimal-refused-windows",
                Map.of(
                        "serving_windows",
                        Map.of(
                                "v1", Map.of("from", StackVariables.CUTOVER),
                                "v3", Map.of("from", StackVariables.HANDOVER))));

        assertThat(stacks.refusal(refused))
                .contains("serving_windows overlap: hand over at one instant")
                .contains("Every version in serving_windows must run")
                .contains("serving_windows needs serving_dir");
    }

    private static Map<String, String> asMap(JsonNode object) {
        Map<String, String> map = new LinkedHashMap<>();
        object.fields()
                .forEachRemaining(
                        field -> map.put(field.getKey(), field.getValue().asText()));
        return map;
    }
}
