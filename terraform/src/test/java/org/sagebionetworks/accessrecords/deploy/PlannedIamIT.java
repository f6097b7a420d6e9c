package org.sagebionetworks.accessrecords.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sagebionetworks.accessrecords.schema.PipelineVersion;

/**
 * The IAM Terraform plans, per version: who may assume each role and what each role may do. The Kafka resources
 * are made from the cluster's ARN, which exists only after apply, so the plan holds them as unknown (their
 * templates are evaluated by {@link KafkaIamTest}); every other resource is known here, and checked.
 */
class PlannedIamIT {

    private static PlannedStacks stacks;

    @BeforeAll
    static void planOnce() {
        stacks = PlannedStacks.get();
    }

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

    static List<StackVariables> variableSets() {
        return PlannedStacks.all();
    }

    @ParameterizedTest
    @MethodSource("variableSets")
    void theSinkWritesObjectsOnlyInItsVersionsTableFolderOfTheLake(StackVariables variables) {
        TerraformPlan plan = stacks.plan(variables);

        for (String version : variables.versions()) {
            PlannedPolicy sink = PlannedPolicy.of(plan, "sink", version);
            String bucket = "arn:aws:s3:::" + variables.lakeBucket();

            assertThat(sink.actions()).containsAll(S3_OBJECT_ACTIONS).containsAll(S3_BUCKET_ACTIONS);
            assertThat(sink.knownResourcesOf(S3_OBJECT_ACTIONS))
                    .containsExactly(bucket + "/" + variables.topicsDir(version) + "/"
                            + PipelineVersion.of(version).processedTopic() + "/*");
            assertThat(sink.knownResourcesOf(S3_BUCKET_ACTIONS)).containsExactly(bucket);
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
    void eachRoleIsAssumableOnlyByTheServiceThatRunsIt() throws IOException {
        TerraformPlan plan = stacks.plan(PlannedStacks.PRODUCTION);

        for (String version : PlannedStacks.PRODUCTION.versions()) {
            assertThat(trustedServices(plan, "aws_iam_role.enricher[\"" + version + "\"]"))
                    .containsExactly("ecs-tasks.amazonaws.com");
            assertThat(trustedServices(plan, "aws_iam_role.sink[\"" + version + "\"]"))
                    .containsExactly("kafkaconnect.amazonaws.com");
        }
        assertThat(trustedServices(plan, "aws_iam_role.enricher_execution")).containsExactly("ecs-tasks.amazonaws.com");
        assertThat(plan.after("aws_iam_role_policy_attachment.enricher_execution")
                        .path("policy_arn")
                        .asText())
                .isEqualTo("arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy");
        assertThat(plan.addresses("aws_iam_role_policy_attachment")).hasSize(1);
    }

    private static List<String> trustedServices(TerraformPlan plan, String role) throws IOException {
        JsonNode statements = JSON.readTree(
                        plan.after(role).path("assume_role_policy").asText())
                .path("Statement");
        assertThat(texts(statements.findValues("Action"))).as(role).containsOnly("sts:AssumeRole");
        return texts(statements.findValues("Principal").stream()
                .map(principal -> principal.path("Service"))
                .toList());
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
