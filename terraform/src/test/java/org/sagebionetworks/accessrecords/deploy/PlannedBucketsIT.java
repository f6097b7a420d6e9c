package org.sagebionetworks.accessrecords.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bucket the stack creates is planned private, encrypted (with the stack's KMS key when it names one), reachable
 * over TLS only and cleaned of abandoned multipart uploads; the lake and the plugins keep versions, Athena's results
 * expire, and only the deployers may put a plugin. A lake bucket the stack is given keeps its owner's settings, so
 * nothing is planned for it.
 */
class PlannedBucketsIT extends OnPlannedStacks {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @MethodSource("variableSets")
    void everyCreatedBucketBlocksPublicAccessEncryptsAndAbortsStaleUploads(StackVariables variables) {
        TerraformPlan plan = stacks.plan(variables);
        List<String> buckets = plan.addresses("aws_s3_bucket").stream()
                .map(address -> address.substring("aws_s3_bucket.this".length()))
                .toList();

        assertThat(buckets).isNotEmpty();
        for (String key : buckets) {
            JsonNode access = plan.after("aws_s3_bucket_public_access_block.this" + key);
            for (String flag : List.of(
                    "block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets")) {
                assertThat(access.path(flag).asBoolean()).as(key + " " + flag).isTrue();
            }
            JsonNode encryption = plan.after("aws_s3_bucket_server_side_encryption_configuration.this" + key)
                    .at("/rule/0");
            assertThat(encryption
                            .at("/apply_server_side_encryption_by_default/0/sse_algorithm")
                            .asText())
                    .as(key)
                    .isIn("AES256", "aws:kms");
            assertThat(encryption.path("bucket_key_enabled").asBoolean())
                    .as(key)
                    .isTrue();
            JsonNode lifecycle = plan.after("aws_s3_bucket_lifecycle_configuration.this" + key);
            assertThat(lifecycle.path("rule").findValues("days_after_initiation"))
                    .as(key + " aborts incomplete multipart uploads")
                    .isNotEmpty();
        }
        assertThat(plan.addresses("aws_s3_bucket_public_access_block")).hasSameSizeAs(buckets);
    }

    @Test
    void aGivenLakeBucketGetsNoSettingsFromThisStack() {
        TerraformPlan plan = stacks.plan(PlannedStacks.PRODUCTION);

        for (String companion : List.of(
                "aws_s3_bucket_public_access_block",
                "aws_s3_bucket_server_side_encryption_configuration",
                "aws_s3_bucket_lifecycle_configuration",
                "aws_s3_bucket_policy")) {
            assertThat(plan.has(companion + ".this[\"lake\"]")).as(companion).isFalse();
        }
        assertThat(plan.has("aws_s3_bucket_versioning.lake[0]")).isFalse();
    }

    @Test
    void theLakeAndThePluginsKeepEveryVersionOfTheirObjects() {
        TerraformPlan plan = stacks.plan(PlannedStacks.MINIMAL);

        for (String versioning : List.of("lake[0]", "plugins")) {
            assertThat(plan.after("aws_s3_bucket_versioning." + versioning)
                            .at("/versioning_configuration/0/status")
                            .asText())
                    .as(versioning)
                    .isEqualTo("Enabled");
        }
    }

    @ParameterizedTest
    @MethodSource("variableSets")
    void everyCreatedBucketRefusesEveryRequestWithoutTls(StackVariables variables) throws IOException {
        TerraformPlan plan = stacks.plan(variables);

        for (String address : plan.addresses("aws_s3_bucket")) {
            String key = address.substring("aws_s3_bucket.this".length());
            String bucket = "arn:aws:s3:::" + plan.after(address).path("bucket").asText();
            JsonNode tls = statement(plan, key, "TlsOnly");
            assertThat(tls.path("Effect").asText()).as(key).isEqualTo("Deny");
            assertThat(tls.path("Principal").toString()).as(key).isIn("\"*\"", "{\"AWS\":\"*\"}");
            assertThat(texts(tls.path("Action"))).as(key).containsExactly("s3:*");
            assertThat(texts(tls.path("Resource"))).as(key).containsExactlyInAnyOrder(bucket, bucket + "/*");
            assertThat(texts(tls.at("/Condition/Bool/aws:SecureTransport")))
                    .as(key)
                    .containsExactly("false");
        }
    }

    @Test
    void onlyTheDeployersMayPutOrDeleteAPlugin() throws IOException {
        TerraformPlan plan = stacks.plan(PlannedStacks.PRODUCTION);
        JsonNode deployersOnly = statement(plan, "[\"plugins\"]", "DeployersOnly");

        assertThat(deployersOnly.path("Effect").asText()).isEqualTo("Deny");
        assertThat(texts(deployersOnly.path("Action"))).contains("s3:PutObject", "s3:DeleteObject");
        assertThat(texts(deployersOnly.at("/Condition/ArnNotLike/aws:PrincipalArn")))
                .containsExactly(StackVariables.DEPLOYER);
    }

    @Test
    void athenasResultsExpire() {
        TerraformPlan plan = stacks.plan(PlannedStacks.MINIMAL);

        assertThat(plan
                        .after("aws_s3_bucket_lifecycle_configuration.this[\"athena_results\"]")
                        .path("rule")
                        .findValues("days")
                        .stream()
                        .map(JsonNode::asText)
                        .toList())
                .containsExactly(plan.variable("athena_results_expiration_days"));
    }

    @Test
    void aKmsKeyNamedEncryptsEveryCreatedBucketWithIt() {
        TerraformPlan plan = stacks.plan(PlannedStacks.PRODUCTION);

        for (String address : plan.addresses("aws_s3_bucket_server_side_encryption_configuration")) {
            JsonNode byDefault = plan.after(address).at("/rule/0/apply_server_side_encryption_by_default/0");
            assertThat(byDefault.path("sse_algorithm").asText()).as(address).isEqualTo("aws:kms");
            assertThat(byDefault.path("kms_master_key_id").asText()).as(address).isEqualTo(StackVariables.KMS_KEY);
        }
        assertThat(plan.after("aws_athena_workgroup.this")
                        .at("/configuration/0/result_configuration/0/encryption_configuration/0/kms_key_arn")
                        .asText())
                .isEqualTo(StackVariables.KMS_KEY);
    }

    private static JsonNode statement(TerraformPlan plan, String key, String sid) throws IOException {
        JsonNode policy = JSON.readTree(
                plan.after("aws_s3_bucket_policy.this" + key).path("policy").asText());
        for (JsonNode statement : policy.path("Statement")) {
            if (statement.path("Sid").asText().equals(sid)) {
                return statement;
            }
        }
        throw new AssertionError("no statement " + sid + " in the policy of bucket " + key + ": " + policy);
    }

    /** IAM JSON holds one value as a string and several as an array. */
    private static List<String> texts(JsonNode value) {
        List<String> texts = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(element -> texts.add(element.asText()));
        } else if (!value.isMissingNode()) {
            texts.add(value.asText());
        }
        return texts;
    }
}
