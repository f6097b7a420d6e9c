package org.sagebionetworks.accessrecords.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sagebionetworks.accessrecords.connect.Layout;
import org.sagebionetworks.accessrecords.schema.PipelineVersion;

/**
 * Terraform itself validates and plans the configuration, offline, with the provider it is tested with: the minimal
 * variables in each layout, and the production variables (the table in an existing database and bucket) with a
 * second version replaying beside the first. What each plan creates is checked here; the connector, IAM, buckets, alarms
 * and logs in the other {@code Planned*IT} classes, all on the same plans.
 */
class TerraformPlanIT extends OnPlannedStacks {

    @Test
    void theConfigurationIsValidWithoutAWarning() {
        JsonNode validation = stacks.validation();

        assertThat(validation.path("valid").asBoolean())
                .as(validation.toPrettyString())
                .isTrue();
        assertThat(validation.path("warning_count").asInt())
                .as("deprecations of the 5.x provider are what 6.0 removes: %s", validation.path("diagnostics"))
                .isZero();
    }

    @ParameterizedTest
    @MethodSource("variableSets")
    void everyVariableSetPlansCompletelyAndOnlyCreates(StackVariables variables) {
        TerraformPlan plan = stacks.plan(variables);

        assertThat(plan.completeAndApplyable()).isTrue();
        assertThat(plan.actions())
                .as("a fresh stack creates resources and reads policy documents, nothing else")
                .allSatisfy(
                        (address, actions) -> assertThat(actions).as(address).isIn(List.of("create"), List.of("read")));
    }

    @Test
    void theMinimalStackCreatesItsOwnDatabaseAndLakeBucket() {
        TerraformPlan plan = stacks.plan(PlannedStacks.MINIMAL);

        assertThat(plan.after("aws_glue_catalog_database.this[0]").path("name").asText())
                .isEqualTo("dev_synapse_access_records");
        assertThat(plan.after("aws_s3_bucket.this[\"lake\"]").path("bucket").asText())
                .isEqualTo("dev-synapse-access-records-lake");
    }

    @Test
    void theProductionStackCreatesNeitherTheDatabaseNorTheLakeBucketItIsGiven() {
        TerraformPlan plan = stacks.plan(PlannedStacks.PRODUCTION);

        assertThat(plan.addresses("aws_glue_catalog_database")).isEmpty();
        assertThat(plan.addresses("aws_s3_bucket"))
                .containsExactlyInAnyOrder("aws_s3_bucket.this[\"plugins\"]", "aws_s3_bucket.this[\"athena_results\"]");
        assertThat(plan.after("aws_glue_catalog_table.processed[\"v1\"]")
                        .path("database_name")
                        .asText())
                .isEqualTo("warehouse");
    }

    @Test
    void aReplayingVersionGetsItsOwnEnricherConnectorTableAndRolesBesideTheServingOne() {
        TerraformPlan plan = stacks.plan(PlannedStacks.PRODUCTION);

        for (String version : PlannedStacks.PRODUCTION.versions()) {
            PipelineVersion pipeline = PipelineVersion.of(version);
            String key = "[\"" + version + "\"]";
            assertThat(plan.after("aws_ecs_service.enricher" + key).path("name").asText())
                    .isEqualTo(pipeline.applicationId());
            assertThat(plan.after("aws_mskconnect_connector.s3_sink" + key)
                            .path("name")
                            .asText())
                    .isEqualTo("prod-s3-sink-" + version);
            assertThat(plan.after("aws_glue_catalog_table.processed" + key)
                            .path("name")
                            .asText())
                    .isEqualTo(pipeline.glueTable());
            assertThat(plan.after("aws_iam_role.enricher" + key).path("name").asText())
                    .isEqualTo("prod-" + pipeline.applicationId());
            assertThat(plan.after("aws_iam_role.sink" + key).path("name").asText())
                    .isEqualTo("prod-s3-sink-" + version + "-connector");
        }
        assertThat(plan.addresses("aws_ecs_service"))
                .filteredOn(address -> address.startsWith("aws_ecs_service.enricher"))
                .hasSize(2);
        assertThat(plan.addresses("aws_msk_cluster")).hasSize(1);
    }

    @ParameterizedTest
    @MethodSource("variableSets")
    void theViewSwitchTargetsTheServingVersionUnderTheViewsName(StackVariables variables) {
        JsonNode switchView = stacks.plan(variables).after("aws_athena_named_query.switch_view");
        String serving = variables.servingVersion();

        assertThat(switchView.path("name").asText()).isEqualTo("switch-" + variables.viewName() + "-to-" + serving);
        assertThat(switchView.path("query").asText())
                .contains("CREATE OR REPLACE VIEW " + variables.viewName() + " AS")
                .contains("FROM \"" + variables.glueDatabase() + "\".\""
                        + PipelineVersion.of(serving).glueTable() + "\"");
    }

    @ParameterizedTest
    @MethodSource("variableSets")
    void eachVersionsTableReadsTheSinksFolderInTheLayoutChosen(StackVariables variables) {
        TerraformPlan plan = stacks.plan(variables);
        Layout layout = variables.layout();

        for (String version : variables.versions()) {
            JsonNode table = plan.after("aws_glue_catalog_table.processed[\"" + version + "\"]");
            String location = "s3://" + variables.lakeBucket() + "/" + variables.topicsDir(version) + "/"
                    + PipelineVersion.of(version).processedTopic() + "/";

            assertThat(table.path("storage_descriptor").path(0).path("location").asText())
                    .isEqualTo(location);
            assertThat(table.path("parameters")
                            .path("storage.location.template")
                            .asText())
                    .isEqualTo(location + layout.locationTemplate());
            assertThat(table.path("partition_keys").findValuesAsText("name"))
                    .containsExactlyElementsOf(layout.partitionKeys());
            assertThat(table.path("database_name").asText()).isEqualTo(variables.glueDatabase());
        }
    }

    @Test
    void theLayoutsPlanDifferentPartitioningOfTheSameTable() {
        Map<String, String> recordDate = projection(PlannedStacks.MINIMAL);
        Map<String, String> yearMonthDay = projection(PlannedStacks.MINIMAL_YEAR_MONTH_DAY);

        assertThat(recordDate).containsEntry("projection.record_date.type", "date");
        assertThat(yearMonthDay)
                .containsEntry("projection.year.type", "integer")
                .doesNotContainKey("projection.record_date.type");
    }

    private static Map<String, String> projection(StackVariables variables) {
        JsonNode parameters = stacks.plan(variables)
                .after("aws_glue_catalog_table.processed[\"v1\"]")
                .path("parameters");
        Map<String, String> projection = new TreeMap<>();
        parameters
                .fields()
                .forEachRemaining(
                        field -> projection.put(field.getKey(), field.getValue().asText()));
        return projection;
    }
}
