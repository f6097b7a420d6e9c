package org.sagebionetworks.accessrecords.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Who else reaches the cluster, as planned: Synapse's hosts publishing to the raw topic, the one-shot tasks
 * {@code load-archive}, {@code replay} and {@code redrive} with roles of their own, and where the tasks may connect to at all. The
 * Kafka resources are unknown until the cluster exists, so a statement is recognised by its sid and actions.
 */
class PlannedAccessIT extends OnPlannedStacks {

    private static final String PUBLISH = "kafka-cluster:WriteData";
    private static final Set<String> PUBLISHER_ACTIONS = Set.of(
            "kafka-cluster:Connect",
            "kafka-cluster:DescribeCluster",
            "kafka-cluster:WriteDataIdempotently",
            "kafka-cluster:DescribeTopic",
            PUBLISH);

    @Test
    void synapsesHostsMayJoinTheClusterAndPublishIdempotentlyToTheRawTopicAndNothingElse() {
        TerraformPlan plan = stacks.plan(PlannedStacks.PRODUCTION);
        PlannedPolicy publisher = PlannedPolicy.at(plan, "data.aws_iam_policy_document.publisher");

        assertThat(publisher.actions()).containsExactlyInAnyOrderElementsOf(PUBLISHER_ACTIONS);
        assertThat(publisher.statement("PublishRaw").actions())
                .containsExactlyInAnyOrder("kafka-cluster:DescribeTopic", PUBLISH);
        assertThat(publisher.statement("PublishRaw").unknownResources()).isEqualTo(1);
        assertThat(plan.after("aws_iam_role_policy.publisher[\"" + StackVariables.SYNAPSE_ROLE + "\"]")
                        .path("role")
                        .asText())
                .isEqualTo(StackVariables.SYNAPSE_ROLE);
    }

    @Test
    void synapsesHostsReachTheBrokersOnlyOnTheIamPort() {
        JsonNode ingress = stacks.plan(PlannedStacks.PRODUCTION)
                .after("aws_vpc_security_group_ingress_rule.msk_from_publishers[\""
                        + StackVariables.SYNAPSE_SECURITY_GROUP + "\"]");

        assertThat(ingress.path("referenced_security_group_id").asText())
                .isEqualTo(StackVariables.SYNAPSE_SECURITY_GROUP);
        assertThat(ingress.path("ip_protocol").asText()).isEqualTo("tcp");
        assertThat(ingress.path("from_port").asInt()).isEqualTo(9098);
        assertThat(ingress.path("to_port").asInt()).isEqualTo(9098);
    }

    @Test
    void aStackWithoutPublishersNamedGrantsNoOne() {
        TerraformPlan plan = stacks.plan(PlannedStacks.MINIMAL);

        assertThat(plan.addresses("aws_iam_role_policy")).noneMatch(address -> address.contains("publisher"));
        assertThat(plan.addresses("aws_vpc_security_group_ingress_rule"))
                .containsExactly("aws_vpc_security_group_ingress_rule.msk_from_clients");
    }

    @Test
    void loadArchiveRunsAsATaskOfItsOwnThatReadsOnlyTheArchiveFolder() {
        TerraformPlan plan = stacks.plan(PlannedStacks.PRODUCTION);
        PlannedPolicy loader = PlannedPolicy.at(plan, "data.aws_iam_policy_document.load_archive[0]");
        String bucket = "arn:aws:s3:::" + StackVariables.ARCHIVE_BUCKET;

        assertThat(plan.after("module.load_archive[0].aws_ecs_task_definition.this")
                        .path("family")
                        .asText())
                .isEqualTo("prod-load-archive");
        assertThat(plan.after("module.load_archive[0].aws_iam_role.task")
                        .path("name")
                        .asText())
                .isEqualTo("prod-load-archive");
        assertThat(loader.statement("ArchiveList").knownResources()).containsExactly(bucket);
        assertThat(loader.statement("ArchiveList").conditions())
                .containsExactly(new PlannedPolicy.Condition(
                        "StringLike", "s3:prefix", List.of(StackVariables.ARCHIVE_PREFIX + "/*")));
        assertThat(loader.statement("ArchiveObjects").actions()).containsExactly("s3:GetObject");
        assertThat(loader.statement("ArchiveObjects").knownResources())
                .containsExactly(bucket + "/" + StackVariables.ARCHIVE_PREFIX + "/*");
        assertThat(loader.actions())
                .contains("kafka-cluster:WriteDataIdempotently", PUBLISH, "kafka-cluster:AlterTransactionalId")
                .doesNotContain("kafka-cluster:DeleteTopic", "s3:PutObject");
        assertThat(loader.statement("HistoryV2").actions()).contains(PUBLISH);
    }

    @Test
    void loadArchiveFollowsTheArchiveAsAServiceOfOneTaskWithTheTasksRole() {
        TerraformPlan plan = stacks.plan(PlannedStacks.PRODUCTION);
        JsonNode service = plan.after("module.load_archive[0].aws_ecs_service.this[0]");
        JsonNode task = plan.after("module.load_archive[0].aws_ecs_task_definition.service[0]");

        assertThat(service.path("name").asText()).isEqualTo("prod-load-archive");
        assertThat(service.path("desired_count").asInt()).isEqualTo(1);
        assertThat(service.path("deployment_maximum_percent").asInt()).isEqualTo(100);
        assertThat(service.path("deployment_minimum_healthy_percent").asInt()).isZero();
        assertThat(task.path("family").asText()).isEqualTo("prod-load-archive-service");
        assertThat(plan.output("archive_follow_service").path("name").asText()).isEqualTo("prod-load-archive");
        // The container definitions are known only after apply (they name the brokers): the output shows the command.
        assertThat(plan.output("archive_follow_service").path("command"))
                .extracting(JsonNode::asText)
                .containsExactly(
                        "load-archive",
                        "--bucket",
                        StackVariables.ARCHIVE_BUCKET,
                        "--prefix",
                        StackVariables.ARCHIVE_PREFIX,
                        "--region",
                        "us-east-1",
                        "--follow",
                        "--from",
                        StackVariables.ARCHIVE_FOLLOW_FROM);
        assertThat(plan.addresses("aws_iam_role"))
                .filteredOn(address -> address.startsWith("module.load_archive"))
                .containsExactly("module.load_archive[0].aws_iam_role.task");
    }

    @Test
    void aStackWithoutAnArchiveHasNoLoadArchiveTask() {
        assertThat(stacks.plan(PlannedStacks.MINIMAL).addresses("aws_ecs_task_definition"))
                .noneMatch(address -> address.contains("load_archive"));
        assertThat(stacks.plan(PlannedStacks.MINIMAL).addresses("aws_ecs_service"))
                .noneMatch(address -> address.contains("load_archive"));
    }

    @ParameterizedTest
    @MethodSource("variableSets")
    void redriveRunsInEveryStackAsATaskOfItsOwnThatTouchesOnlyKafka(StackVariables variables) {
        TerraformPlan plan = stacks.plan(variables);
        String name = variables.stack() + "-redrive";

        assertThat(plan.after("module.redrive.aws_ecs_task_definition.this")
                        .path("family")
                        .asText())
                .isEqualTo(name);
        assertThat(plan.after("module.redrive.aws_iam_role.task").path("name").asText())
                .isEqualTo(name);
        assertThat(plan.after("module.redrive.aws_cloudwatch_log_group.this")
                        .path("name")
                        .asText())
                .isEqualTo("/" + variables.stack() + "/redrive");
        // Its run_task call names the security group, known only after apply; role and log group are known.
        JsonNode output = plan.knownPartOfOutput("one_shot_tasks").path("redrive");
        assertThat(output.path("role_name").asText()).isEqualTo(name);
        assertThat(output.path("log_group").asText()).isEqualTo("/" + variables.stack() + "/redrive");
        assertThat(plan.has("module.redrive.aws_ecs_service.this[0]")).isFalse();
    }

    @Test
    void redriveReadsTheDeadLettersAndWritesTheRawTopicAndItsProgressTransactionally() {
        PlannedPolicy redrive =
                PlannedPolicy.at(stacks.plan(PlannedStacks.PRODUCTION), "data.aws_iam_policy_document.redrive");

        assertThat(redrive.statements())
                .extracting(PlannedPolicy.Statement::sid)
                .containsExactly("Cluster", "DeadLetters", "PublishRaw", "Progress", "Transactions");
        assertThat(redrive.statement("Cluster").actions())
                .containsExactlyInAnyOrder(
                        "kafka-cluster:Connect",
                        "kafka-cluster:DescribeCluster",
                        "kafka-cluster:WriteDataIdempotently");
        assertThat(redrive.statement("DeadLetters").actions())
                .containsExactlyInAnyOrder("kafka-cluster:DescribeTopic", "kafka-cluster:ReadData");
        assertThat(redrive.statement("DeadLetters").unknownResources()).isEqualTo(2);
        assertThat(redrive.statement("PublishRaw").actions())
                .containsExactlyInAnyOrder("kafka-cluster:DescribeTopic", PUBLISH);
        assertThat(redrive.statement("PublishRaw").unknownResources()).isEqualTo(1);
        assertThat(redrive.statement("Progress").actions())
                .containsExactlyInAnyOrder(
                        "kafka-cluster:CreateTopic", "kafka-cluster:DescribeTopic", "kafka-cluster:ReadData", PUBLISH);
        assertThat(redrive.statement("Progress").unknownResources()).isEqualTo(1);
        assertThat(redrive.statement("Transactions").actions())
                .containsExactlyInAnyOrder(
                        "kafka-cluster:AlterTransactionalId", "kafka-cluster:DescribeTransactionalId");
        assertThat(redrive.statement("Transactions").unknownResources()).isEqualTo(2);
        assertThat(redrive.statements())
                .allSatisfy(statement -> assertThat(statement.knownResources())
                        .as(statement.sid())
                        .isEmpty());
        assertThat(redrive.actions())
                .allMatch(action -> action.startsWith("kafka-cluster:"))
                .doesNotContain("kafka-cluster:DeleteTopic", "kafka-cluster:AlterGroup", "kafka-cluster:AlterTopic");
    }

    @ParameterizedTest
    @MethodSource("variableSets")
    void replayMayResetOnlyTheVersionsThatDoNotServeAndListOnlyTheirFolders(StackVariables variables) {
        TerraformPlan plan = stacks.plan(variables);
        PlannedPolicy replay = PlannedPolicy.at(plan, "data.aws_iam_policy_document.replay");
        String next = "v" + (variables.versions().size() + 1);
        List<String> resettable = variables.versions().stream()
                .filter(version -> !version.equals(variables.servingVersion()))
                .toList();

        assertThat(plan.after("module.replay.aws_ecs_task_definition.this")
                        .path("family")
                        .asText())
                .isEqualTo(variables.stack() + "-replay");
        assertThat(replay.statements())
                .extracting(PlannedPolicy.Statement::sid)
                .contains("Reset" + next.toUpperCase())
                .doesNotContain("Reset" + variables.servingVersion().toUpperCase());
        resettable.forEach(version -> assertThat(
                        replay.statement("Reset" + version.toUpperCase()).actions())
                .contains("kafka-cluster:DeleteTopic"));
        assertThat(replay.statement("LakeFolders").knownResources())
                .containsExactly("arn:aws:s3:::" + variables.lakeBucket());
        assertThat(replay.statement("LakeFolders").conditions().get(0).values())
                .contains(variables.topicsDir(next) + "/*")
                .doesNotContain(variables.topicsDir(variables.servingVersion()) + "/*");
        assertThat(replay.actions()).doesNotContain(PUBLISH, "s3:GetObject", "s3:PutObject");
    }

    @ParameterizedTest
    @MethodSource("variableSets")
    void theTasksAndWorkersLeaveOnlyForTheBrokersIamPortAndHttps(StackVariables variables) {
        TerraformPlan plan = stacks.plan(variables);
        List<String> rules = plan.addresses("aws_vpc_security_group_egress_rule");

        assertThat(rules).contains("aws_vpc_security_group_egress_rule.clients_to_brokers");
        for (String rule : rules) {
            JsonNode after = plan.after(rule);
            int port = rule.endsWith("clients_to_brokers") ? 9098 : 443;
            assertThat(after.path("ip_protocol").asText()).as(rule).isEqualTo("tcp");
            assertThat(after.path("from_port").asInt()).as(rule).isEqualTo(port);
            assertThat(after.path("to_port").asInt()).as(rule).isEqualTo(port);
        }
        List<String> cidrs = rules.stream()
                .map(rule -> plan.after(rule).path("cidr_ipv4").asText(""))
                .filter(cidr -> !cidr.isEmpty())
                .toList();
        if (variables == PlannedStacks.PRODUCTION) {
            assertThat(cidrs).containsExactly(StackVariables.ENDPOINTS_CIDR);
            assertThat(plan.after("aws_vpc_security_group_egress_rule.clients_https_prefix_lists[\""
                                    + StackVariables.S3_PREFIX_LIST + "\"]")
                            .path("prefix_list_id")
                            .asText())
                    .isEqualTo(StackVariables.S3_PREFIX_LIST);
        } else {
            assertThat(cidrs).containsExactly("0.0.0.0/0");
        }
    }
}
