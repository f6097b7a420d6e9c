package org.sagebionetworks.accessrecords.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sagebionetworks.accessrecords.connect.DeadLetterArchiveConfig;
import org.sagebionetworks.accessrecords.schema.DeadLetterColumns;
import org.sagebionetworks.accessrecords.schema.SharedNames;

/**
 * The dead-letter archive as Terraform plans it: its connector runs {@code connect-config/dead-letter-archive.json}
 * rendered by {@link DeadLetterArchiveConfig} over every dead-letter topic, its role writes only under the archive's
 * folder, its table has {@link DeadLetterColumns}' columns over that folder, and its lag has an alarm.
 */
class PlannedDeadLetterArchiveIT extends OnPlannedStacks {

    private static final String CONNECTOR = "aws_mskconnect_connector.dead_letter_archive";
    private static final String TOPICS = SharedNames.DEAD_LETTER_TOPIC + "," + SharedNames.SINK_DEAD_LETTER_TOPIC;
    private static final Set<String> S3_OBJECT_ACTIONS =
            Set.of("s3:PutObject", "s3:GetObject", "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts");

    @ParameterizedTest
    @MethodSource("variableSets")
    void theArchiveRunsDeadLetterArchiveJsonRenderedForTheStack(StackVariables variables) {
        TerraformPlan plan = stacks.plan(variables);
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("connector_name", variables.stack() + "-dead-letter-archive");
        expected.put("dead_letter_topics", TOPICS);
        expected.put("lake_bucket", variables.lakeBucket());
        expected.put("region", plan.variable("region"));
        expected.put("archive_dir", archiveDir(variables));
        expected.put("flush_size", plan.variable("dead_letter_archive_flush_size"));
        expected.put("rotate_schedule_interval_ms", plan.variable("dead_letter_archive_rotate_schedule_interval_ms"));

        JsonNode connector = plan.after(CONNECTOR);

        assertThat(asMap(connector.path("connector_configuration")))
                .isEqualTo(DeadLetterArchiveConfig.production(expected));
        assertThat(connector.at("/capacity/0/provisioned_capacity/0/mcu_count").asInt())
                .isEqualTo(1);
        assertThat(connector
                        .at("/capacity/0/provisioned_capacity/0/worker_count")
                        .asInt())
                .isEqualTo(1);
        assertThat(connector
                        .at("/kafka_cluster_client_authentication/0/authentication_type")
                        .asText())
                .isEqualTo("IAM");
    }

    @ParameterizedTest
    @MethodSource("variableSets")
    void itsRoleWritesAndListsOnlyUnderTheArchivesFolderAndReadsWithItsOwnGroup(StackVariables variables) {
        TerraformPlan plan = stacks.plan(variables);
        PlannedPolicy archive = PlannedPolicy.at(plan, "data.aws_iam_policy_document.dead_letter_archive");
        String bucket = "arn:aws:s3:::" + variables.lakeBucket();

        assertThat(archive.knownResourcesOf(S3_OBJECT_ACTIONS))
                .containsExactly(bucket + "/" + archiveDir(variables) + "/*");
        assertThat(archive.statement("LakeList").conditions())
                .containsExactly(
                        new PlannedPolicy.Condition("StringLike", "s3:prefix", List.of(archiveDir(variables) + "/*")));
        assertThat(archive.statement("ReadDeadLetters").actions())
                .containsExactlyInAnyOrder("kafka-cluster:DescribeTopic", "kafka-cluster:ReadData");
        assertThat(archive.statement("ReadDeadLetters").unknownResources()).isEqualTo(2);
        assertThat(archive.statements())
                .as("it writes no topic but Connect's own")
                .filteredOn(statement -> !statement.sid().equals("ConnectInternals"))
                .noneMatch(statement -> statement.actions().contains("kafka-cluster:WriteData"));
        for (PlannedPolicy.Statement statement : archive.statements()) {
            assertThat(statement.actions()).as(statement.sid()).noneMatch(action -> action.contains("*"));
            assertThat(statement.knownResources()).as(statement.sid()).doesNotContain("*");
        }
    }

    @ParameterizedTest
    @MethodSource("variableSets")
    void theTableHasTheEnvelopesColumnsOverTheArchivesFolderPartitionedByTopicAndDay(StackVariables variables) {
        TerraformPlan plan = stacks.plan(variables);
        JsonNode table = plan.after("aws_glue_catalog_table.dead_letters");
        String location = "s3://" + variables.lakeBucket() + "/" + archiveDir(variables) + "/";

        assertThat(table.path("name").asText()).isEqualTo(SharedNames.DEAD_LETTER_TABLE);
        assertThat(table.path("database_name").asText()).isEqualTo(variables.glueDatabase());
        assertThat(columns(table.at("/storage_descriptor/0/columns")))
                .containsExactlyElementsOf(DeadLetterColumns.ALL.stream()
                        .map(column -> column.name() + " " + column.kind().glueType())
                        .toList());
        assertThat(columns(table.path("partition_keys")))
                .containsExactly("dead_letter_topic string", SharedNames.DEAD_LETTER_DATE + " date");
        assertThat(table.at("/storage_descriptor/0/location").asText()).isEqualTo(location);
        assertThat(table.at("/storage_descriptor/0/ser_de_info/0/serialization_library")
                        .asText())
                .isEqualTo("org.openx.data.jsonserde.JsonSerDe");
        JsonNode parameters = table.path("parameters");
        assertThat(parameters.path("projection.dead_letter_topic.values").asText())
                .isEqualTo(TOPICS);
        assertThat(parameters.path("storage.location.template").asText())
                .isEqualTo(location + "${dead_letter_topic}/" + SharedNames.DEAD_LETTER_DATE + "=${"
                        + SharedNames.DEAD_LETTER_DATE + "}");
    }

    @ParameterizedTest
    @MethodSource("variableSets")
    void itsLagOnEachDeadLetterTopicHasAnAlarm(StackVariables variables) {
        TerraformPlan plan = stacks.plan(variables);

        for (String topic : List.of(SharedNames.DEAD_LETTER_TOPIC, SharedNames.SINK_DEAD_LETTER_TOPIC)) {
            JsonNode alarm = plan.after("aws_cloudwatch_metric_alarm.dead_letter_archive_lag[\"" + topic + "\"]");
            assertThat(alarm.path("dimensions").path("Consumer Group").asText())
                    .isEqualTo("connect-" + variables.stack() + "-dead-letter-archive");
            assertThat(alarm.path("dimensions").path("Topic").asText()).isEqualTo(topic);
            assertThat(alarm.path("metric_name").asText()).isEqualTo("EstimatedMaxTimeLag");
        }
    }

    @Test
    void theExampleQueryIsANamedQueryAndTheArchiveRunsOnTheStacksOnePlugin() {
        TerraformPlan production = stacks.plan(PlannedStacks.PRODUCTION);

        assertThat(production
                        .after("aws_athena_named_query.dead_letters[\"letters-by-reason-per-day.sql\"]")
                        .path("query")
                        .asText())
                .contains("FROM dead_letters");
        assertThat(production.addresses("aws_mskconnect_custom_plugin"))
                .as("one plugin zip, with the converter and the transform, for every connector")
                .containsExactly("aws_mskconnect_custom_plugin.s3_sink");
    }

    private static String archiveDir(StackVariables variables) {
        String prefix = variables.placement().lakePrefix().isEmpty()
                ? ""
                : variables.placement().lakePrefix() + "/";
        return prefix + DeadLetterArchiveConfig.ARCHIVE_DIR;
    }

    private static List<String> columns(JsonNode planned) {
        List<String> columns = new ArrayList<>();
        planned.forEach(column -> columns.add(
                column.path("name").asText() + " " + column.path("type").asText()));
        return columns;
    }

    private static Map<String, String> asMap(JsonNode object) {
        Map<String, String> map = new LinkedHashMap<>();
        object.fields()
                .forEachRemaining(
                        field -> map.put(field.getKey(), field.getValue().asText()));
        return map;
    }
}
