package org.sagebionetworks.accessrecords.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sagebionetworks.accessrecords.schema.PipelineVersion;

/**
 * The IAM Terraform plans, per version: who may assume each role and what each role may do. The Kafka resources
 * are made from the cluster's ARN, which exists only after apply, so the plan holds them as unknown (their
 * templates are evaluated by {@link KafkaIamTest}); every other resource is known here, and checked.
 */
class PlannedIamIT extends OnPlannedStacks {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> S3_OBJECT_ACTIONS =
            Set.of("s3:PutObject", "s3:GetObject", "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts");
    private static final Set<String> S3_BUCKET_ACTIONS =
            Set.of("s3:ListBucket", "s3:GetBucketLocation", "s3:ListBucketMultipartUploads");
    private static final Set<String> STREAMS_EXACTLY_ONCE = Set.of(
            "kafka-cluster:Connect",
            "kafka-cluster:DescribeCluster",
            "kafka-cluster:WriteDataIdempotently",
            "kafka-cluster:ReadData",
            "kafka-cluster:WriteData",
            "kafka-cluster:CreateTopic",
            "kafka-cluster:DescribeTopic",
            "kafka-cluster:DescribeTopicDynamicConfiguration",
            "kafka-cluster:AlterGroup",
            "kafka-cluster:DescribeGroup",
            "kafka-cluster:AlterTransactionalId",
            "kafka-cluster:DescribeTransactionalId");

    @ParameterizedTest
    @MethodSource("variableSets")
    void theSinkWritesObjectsOnlyInItsVersionsTableFolderOfTheLake(StackVariables variables) {
        TerraformPlan plan = stacks.plan(variables);

        for (String version : variables.versions()) {
            PlannedPolicy sink = PlannedPolicy.of(plan, "sink", version);
            String bucket = "arn:aws:s3:::" + variables.lakeBucket();

            assertThat(sink.actions()).containsAll(S3_OBJECT_ACTIONS).containsAll(S3_BUCKET_ACTIONS);
            assertThat(sink.knownResourcesOf(S3_OBJECT_ACTIONS))
                    .containsExactly(bucket + "/" + sinkFolder(variables, version) + "/*");
            assertThat(sink.knownResourcesOf(S3_BUCKET_ACTIONS)).containsExactly(bucket);
            assertThat(sink.statement("LakeList").actions()).containsExactly("s3:ListBucket");
            assertThat(sink.statement("LakeList").conditions())
                    .containsExactly(new PlannedPolicy.Condition(
                            "StringLike", "s3:prefix", List.of(sinkFolder(variables, version) + "/*")));
            assertThat(sink.statements())
                    .filteredOn(statement -> !statement.sid().equals("LakeList"))
                    .noneMatch(statement -> statement.actions().contains("s3:ListBucket"));
        }
    }

    @ParameterizedTest
    @MethodSource("variableSets")
    void everyGrantNamesItsActionsAndResourcesAndOnlyKafkaResourcesWaitForTheCluster(StackVariables variables) {
        TerraformPlan plan = stacks.plan(variables);

        for (String version : variables.versions()) {
            for (String document : List.of("enricher", "sink")) {
                for (PlannedPolicy.Statement statement :
                        PlannedPolicy.of(plan, document, version).statements()) {
                    String where = document + " " + version + " " + statement.sid();
                    assertThat(statement.actions()).as(where).noneMatch(action -> action.contains("*"));
                    assertThat(statement.knownResources()).as(where).doesNotContain("*");
                    if (statement.unknownResources() > 0) {
                        assertThat(statement.actions())
                                .as(where)
                                .allMatch(action -> action.startsWith("kafka-cluster:"));
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("variableSets")
    void theEnricherHasWhatKafkaStreamsExactlyOnceNeedsAndNoS3(StackVariables variables) {
        TerraformPlan plan = stacks.plan(variables);

        for (String version : variables.versions()) {
            PlannedPolicy enricher = PlannedPolicy.of(plan, "enricher", version);

            assertThat(enricher.actions()).containsAll(STREAMS_EXACTLY_ONCE);
            assertThat(enricher.statements()).noneMatch(statement -> statement.grantsAny("s3"));
        }
    }

    @Test
    void eachRoleIsAssumableOnlyByTheServiceThatRunsItForThisAccountsResources() throws IOException {
        TerraformPlan plan = stacks.plan(PlannedStacks.PRODUCTION);
        String account = StackVariables.ACCOUNT;
        String ecsTasks = "arn:aws:ecs:us-east-1:" + account + ":*";

        for (String version : PlannedStacks.PRODUCTION.versions()) {
            assertTrust(plan, "aws_iam_role.enricher[\"" + version + "\"]", "ecs-tasks.amazonaws.com", ecsTasks);
            assertTrust(
                    plan,
                    "aws_iam_role.sink[\"" + version + "\"]",
                    "kafkaconnect.amazonaws.com",
                    "arn:aws:kafkaconnect:us-east-1:" + account + ":connector/prod-s3-sink-" + version + "/*");
        }
        assertTrust(plan, "module.replay.aws_iam_role.task", "ecs-tasks.amazonaws.com", ecsTasks);
        assertTrust(plan, "module.load_archive[0].aws_iam_role.task", "ecs-tasks.amazonaws.com", ecsTasks);
        assertTrust(plan, "module.redrive.aws_iam_role.task", "ecs-tasks.amazonaws.com", ecsTasks);
        assertTrust(plan, "aws_iam_role.enricher_execution", "ecs-tasks.amazonaws.com", null);
        assertThat(plan.after("aws_iam_role_policy_attachment.enricher_execution")
                        .path("policy_arn")
                        .asText())
                .isEqualTo("arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy");
        assertThat(plan.addresses("aws_iam_role_policy_attachment")).hasSize(1);
    }

    /** One service may assume the role, on behalf of this account only and, where given, of these resources. */
    private static void assertTrust(TerraformPlan plan, String role, String service, String sourceArn)
            throws IOException {
        JsonNode statements = JSON.readTree(
                        plan.after(role).path("assume_role_policy").asText())
                .path("Statement");
        assertThat(statements).as(role).hasSize(1);
        assertThat(texts(statements.findValues("Action"))).as(role).containsOnly("sts:AssumeRole");
        assertThat(texts(statements.findValues("Principal").stream()
                        .map(principal -> principal.path("Service"))
                        .toList()))
                .as(role)
                .containsExactly(service);
        JsonNode condition = statements.get(0).path("Condition");
        assertThat(texts(List.of(condition.path("StringEquals").path("aws:SourceAccount"))))
                .as(role + " aws:SourceAccount")
                .containsExactly(StackVariables.ACCOUNT);
        if (sourceArn != null) {
            assertThat(texts(List.of(condition.path("ArnLike").path("aws:SourceArn"))))
                    .as(role + " aws:SourceArn")
                    .containsExactly(sourceArn);
        }
    }

    private static String sinkFolder(StackVariables variables, String version) {
        return variables.topicsDir(version) + "/" + PipelineVersion.of(version).processedTopic();
    }

    /** IAM JSON holds one value as a string and several as an array. */
    private static List<String> texts(List<JsonNode> values) {
        List<String> texts = new ArrayList<>();
        for (JsonNode value : values) {
            if (value.isArray()) {
                value.forEach(element -> texts.add(element.asText()));
            } else {
                texts.add(value.asText());
            }
        }
        return texts;
    }
}
