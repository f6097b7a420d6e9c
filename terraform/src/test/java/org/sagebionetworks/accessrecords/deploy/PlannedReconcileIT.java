package org.sagebionetworks.accessrecords.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The daily reconcile of a stack with an archive (the production set): a scheduled one-shot task that reads the
 * archive, the serving version's table folder and the dead letters, and an alarm on the metric its result line
 * becomes. The metric filter's pattern and value are the command's result line contract (docs/reconcile.md).
 */
class PlannedReconcileIT {

    private static final String FILTER = "aws_cloudwatch_log_metric_filter.reconcile[0]";
    private static PlannedStacks stacks;

    @BeforeAll
    static void planOnce() {
        stacks = PlannedStacks.get();
    }

    @Test
    void runsDailyAsAFargateTaskOfItsOwnOnTheStacksSubnets() {
        TerraformPlan plan = stacks.plan(PlannedStacks.PRODUCTION);
        JsonNode schedule = plan.after("aws_scheduler_schedule.reconcile[0]");
        JsonNode ecs = schedule.at("/target/0/ecs_parameters/0");

        assertThat(schedule.path("schedule_expression").asText()).isEqualTo("cron(0 6 * * ? *)");
        assertThat(schedule.path("schedule_expression_timezone").asText()).isEqualTo("UTC");
        assertThat(ecs.path("launch_type").asText()).isEqualTo("FARGATE");
        assertThat(texts(ecs.at("/network_configuration/0/subnets")))
                .containsExactlyInAnyOrder("subnet-0a", "subnet-0b", "subnet-0c");
        assertThat(ecs.at("/network_configuration/0/assign_public_ip").asBoolean())
                .isFalse();
        assertThat(plan.after("module.reconcile[0].aws_ecs_task_definition.this")
                        .path("family")
                        .asText())
                .isEqualTo("prod-reconcile");
    }

    @Test
    void reconcilesYesterdayOfTheArchiveAgainstTheServingVersionsTable() {
        TerraformPlan plan = stacks.plan(PlannedStacks.PRODUCTION);
        String table = PlannedStacks.PRODUCTION.topicsDir("v1") + "/synapse.accessrecords.processed.v1";

        assertThat(texts(plan.output("reconcile").path("arguments")))
                .containsExactly(
                        "--from",
                        "today-1",
                        "--to",
                        "today-1",
                        "--bucket",
                        StackVariables.ARCHIVE_BUCKET,
                        "--prefix",
                        StackVariables.ARCHIVE_PREFIX,
                        "--table-bucket",
                        PlannedStacks.PRODUCTION.lakeBucket(),
                        "--table-prefix",
                        table,
                        "--region",
                        "us-east-1");
    }

    @Test
    void mayReadOnlyTheArchiveTheTableFolderAndTheDeadLetters() {
        TerraformPlan plan = stacks.plan(PlannedStacks.PRODUCTION);
        PlannedPolicy reconcile = PlannedPolicy.at(plan, "data.aws_iam_policy_document.reconcile[0]");
        String table = PlannedStacks.PRODUCTION.topicsDir("v1") + "/synapse.accessrecords.processed.v1";

        assertThat(reconcile.statement("TableList").conditions())
                .containsExactly(new PlannedPolicy.Condition("StringLike", "s3:prefix", List.of(table + "/*")));
        assertThat(reconcile.statement("TableObjects").knownResources())
                .containsExactly("arn:aws:s3:::" + PlannedStacks.PRODUCTION.lakeBucket() + "/" + table + "/*");
        assertThat(reconcile.statement("ArchiveObjects").knownResources())
                .containsExactly(
                        "arn:aws:s3:::" + StackVariables.ARCHIVE_BUCKET + "/" + StackVariables.ARCHIVE_PREFIX + "/*");
        assertThat(reconcile.statement("DeadLetters").actions())
                .containsExactlyInAnyOrder("kafka-cluster:DescribeTopic", "kafka-cluster:ReadData");
        assertThat(reconcile.actions())
                .noneMatch(action -> action.contains("Write") || action.contains("Put") || action.contains("Delete"));
    }

    @Test
    void theResultLineBecomesAMetricWhoseAlarmAlsoFiresWhenNoResultCame() {
        TerraformPlan plan = stacks.plan(PlannedStacks.PRODUCTION);
        JsonNode filter = plan.after(FILTER);
        JsonNode metric = filter.at("/metric_transformation/0");
        JsonNode alarm = plan.after("aws_cloudwatch_metric_alarm.reconcile[0]");

        assertThat(filter.path("log_group_name").asText()).isEqualTo("/prod/reconcile");
        assertThat(filter.path("pattern").asText())
                .isEqualTo("{ $.reconcile_result = \"*\" && $.disagreeing_days >= 0 }");
        assertThat(metric.path("value").asText()).isEqualTo("$.disagreeing_days");
        assertThat(alarm.path("namespace").asText())
                .isEqualTo(metric.path("namespace").asText());
        assertThat(alarm.path("metric_name").asText())
                .isEqualTo(metric.path("name").asText());
        assertThat(alarm.path("comparison_operator").asText()).isEqualTo("GreaterThanThreshold");
        assertThat(alarm.path("threshold").asDouble()).isZero();
        assertThat(alarm.path("period").asInt()).isEqualTo(86400);
        assertThat(alarm.path("treat_missing_data").asText()).isEqualTo("breaching");
        assertThat(texts(alarm.path("alarm_actions"))).containsExactly(StackVariables.ALARM_TOPIC);
    }

    @Test
    void aStackWithoutAnArchiveHasNoReconcile() {
        TerraformPlan plan = stacks.plan(PlannedStacks.MINIMAL);

        assertThat(plan.has("aws_scheduler_schedule.reconcile[0]")).isFalse();
        assertThat(plan.has(FILTER)).isFalse();
        assertThat(plan.output("reconcile").isNull() || plan.output("reconcile").isMissingNode())
                .isTrue();
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(element -> texts.add(element.asText()));
        return texts;
    }
}
