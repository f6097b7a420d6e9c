package org.sagebionetworks.accessrecords.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bucket the stack creates is planned private, encrypted and cleaned of abandoned multipart uploads; a lake
 * bucket the stack is given keeps its owner's settings, so nothing is planned for it.
 */
class PlannedBucketsIT {

    private static PlannedStacks stacks;

    @BeforeAll
    static void planOnce() {
        stacks = PlannedStacks.get();
    }

    static List<StackVariables> variableSets() {
        return PlannedStacks.all();
    }

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
                "aws_s3_bucket_lifecycle_configuration")) {
            assertThat(plan.has(companion + ".this[\"lake\"]")).as(companion).isFalse();
        }
    }

    @Test
    void thePluginsBucketKeepsEveryVersionOfThePlugin() {
        TerraformPlan plan = stacks.plan(PlannedStacks.MINIMAL);

        assertThat(plan.after("aws_s3_bucket_versioning.plugins")
                        .at("/versioning_configuration/0/status")
                        .asText())
                .isEqualTo("Enabled");
    }
}
