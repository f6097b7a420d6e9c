package org.sagebionetworks.accessrecords.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every bucket is private, encrypted and cleans up abandoned multipart uploads (the sink uploads in parts). */
class BucketsTest {

    private static final TerraformConfig TF = TerraformConfig.load();

    @Test
    void theBucketsAreTheLakeThePluginsAndTheAthenaResults() {
        Map<?, ?> buckets = (Map<?, ?>) TF.entries("locals").get("bucket_names");

        assertThat(buckets.keySet())
                .extracting(String::valueOf)
                .containsExactlyInAnyOrder("lake", "plugins", "athena_results");
        assertThat(((Map<?, ?>) TF.entries("resource").get("aws_s3_bucket")).keySet())
                .extracting(String::valueOf)
                .as("no bucket outside the map the companions iterate")
                .containsExactly("this");
        assertThat(HclText.attribute(TF.blockText("resource", "aws_s3_bucket", "this"), "for_each"))
                .hasValue("local.buckets");
    }

    @Test
    void everyBucketHasAPublicAccessBlockEncryptionAndMultipartCleanUp() {
        for (String companion : new String[] {
            "aws_s3_bucket_public_access_block",
            "aws_s3_bucket_server_side_encryption_configuration",
            "aws_s3_bucket_lifecycle_configuration"
        }) {
            Map<String, Object> resource = TF.block("resource", companion, "this");
            assertThat(resource.get("for_each")).as(companion).hasToString("aws_s3_bucket.this");
            assertThat(resource.get("bucket")).as(companion).hasToString("each.value.id");
        }
    }

    @Test
    void thePublicAccessBlockBlocksEverythingAndEncryptionAndCleanUpAreOn() {
        Map<String, Object> access = TF.block("resource", "aws_s3_bucket_public_access_block", "this");
        Map<?, ?> encryption = (Map<?, ?>)
                ((Map<?, ?>) TF.block("resource", "aws_s3_bucket_server_side_encryption_configuration", "this")
                                .get("rule"))
                        .get("apply_server_side_encryption_by_default");
        Map<?, ?> rule = (Map<?, ?>) TF.block("resource", "aws_s3_bucket_lifecycle_configuration", "this")
                .get("rule");

        for (String flag : new String[] {
            "block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets"
        }) {
            assertThat(access.get(flag)).as(flag).isEqualTo(true);
        }
        assertThat(encryption.get("sse_algorithm")).isIn("AES256", "aws:kms");
        assertThat(rule.get("status")).isEqualTo("Enabled");
        assertThat(((Map<?, ?>) rule.get("abort_incomplete_multipart_upload")).get("days_after_initiation"))
                .isInstanceOf(Number.class);
    }
}
