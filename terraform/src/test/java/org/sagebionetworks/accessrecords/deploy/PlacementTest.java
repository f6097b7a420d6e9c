package org.sagebionetworks.accessrecords.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.sagebionetworks.accessrecords.connect.Layout;
import org.sagebionetworks.accessrecords.connect.SinkConnectorConfig;
import org.sagebionetworks.accessrecords.schema.SharedNames;

/**
 * Where the table lives: in a Glue database and lake bucket of the stack's own (the default, where a deployed
 * stack keeps everything it has), or in an existing database and under an existing bucket and prefix, which
 * Terraform names but never creates or destroys.
 */
class PlacementTest {

    private static final TerraformConfig TF = TerraformConfig.load();
    private static final String DATABASE = TF.blockText("resource", "aws_glue_catalog_database", "this");
    private static final String TABLE_LOCATIONS = "{ for v, p in local.pipelines : v => format(\"s3://%s/%s/%s/\", "
            + "local.lake_bucket, local.lake_topics_dirs[v], p.processed_topic) }";
    private static final String BUCKETS =
            "{ for key, name in local.bucket_names : key => name if key != \"lake\" || local.create_lake_bucket }";
    private static final String WAREHOUSE_FOLDER =
            "s3://prod.datawarehouse.sagebase.org/warehouse/processedaccessrecord_stream/processed/v1/"
                    + "synapse.accessrecords.processed.v1/";

    @Test
    void byDefaultTerraformCreatesTheDatabaseAndTheLakeBucketAStackAlwaysHad() {
        Map<String, String> own = PipelineNames.bindings(TF, "v1", Placement.OWN);

        assertThat(HclConditional.evaluate(HclText.attribute(DATABASE, "count").orElseThrow(), own))
                .isEqualTo("1");
        assertThat(buckets(own)).containsExactlyInAnyOrder("lake", "plugins", "athena_results");
        assertThat(own)
                .containsEntry("local.glue_database", Placement.OWN_DATABASE)
                .containsEntry("local.lake_bucket", PipelineNames.LAKE_BUCKET);
        assertThat(tableLocation(own))
                .isEqualTo("s3://" + PipelineNames.LAKE_BUCKET + "/processed/v1/synapse.accessrecords.processed.v1/");
    }

    /** Without the moved block, count would give the database a new address and plan would replace it. */
    @Test
    void theDatabaseKeepsTheStateAddressItHadBeforeItCouldBeOmitted() {
        String moved = HclText.block(TF.text(), "moved");

        assertThat(HclText.attribute(moved, "from")).hasValue("aws_glue_catalog_database.this");
        assertThat(HclText.attribute(moved, "to")).hasValue("aws_glue_catalog_database.this[0]");
        assertThat(TF.localText("create_glue_database")).isEqualTo("var.glue_database == null");
        assertThat(TF.localText("create_lake_bucket")).isEqualTo("var.lake_bucket == null");
    }

    @Test
    void inAnExistingDatabaseAndBucketTerraformCreatesNeitherAndNamesThemFromTheVariables() {
        Map<String, String> warehouse = PipelineNames.bindings(TF, "v1", Placement.WAREHOUSE);

        assertThat(HclConditional.evaluate(HclText.attribute(DATABASE, "count").orElseThrow(), warehouse))
                .isEqualTo("0");
        assertThat(buckets(warehouse)).containsExactlyInAnyOrder("plugins", "athena_results");
        assertThat(warehouse)
                .containsEntry("local.glue_database", "warehouse")
                .containsEntry("local.lake_bucket", "prod.datawarehouse.sagebase.org")
                .containsEntry("local.lake_bucket_arn", "arn:aws:s3:::prod.datawarehouse.sagebase.org");
        assertThat(HclText.attribute(TF.blockText("resource", "aws_glue_catalog_table", "processed"), "database_name"))
                .hasValue("local.glue_database");
        for (String query : List.of("queries", "switch_view")) {
            assertThat(HclText.attribute(TF.blockText("resource", "aws_athena_named_query", query), "database"))
                    .as(query)
                    .hasValue("local.glue_database");
        }
    }

    /** Only the placement locals may name the database or lake the stack creates: nothing else can miss them. */
    @Test
    void onlyThePlacementLocalsReferenceTheDatabaseAndTheLakeTheStackMayNotCreate() {
        String elsewhere = TF.text()
                .replace(TF.localText("glue_database"), "")
                .replace(TF.localText("lake_bucket"), "")
                .replace(HclText.block(TF.text(), "moved"), "");

        assertThat(Pattern.compile("aws_glue_catalog_database\\.this\\b|aws_s3_bucket\\.this\\[\"lake\"]")
                        .matcher(elsewhere)
                        .results()
                        .map(match -> match.group()))
                .isEmpty();
    }

    @Test
    void theTableAndTheConnectorAreUnderTheGivenBucketAndPrefix() {
        Map<String, String> warehouse = PipelineNames.bindings(TF, "v1", Placement.WAREHOUSE);
        Map<String, String> passed = HclText.objectLiteral(
                HclText.calls(TF.blockText("resource", "aws_mskconnect_connector", "s3_sink"), "templatefile")
                        .get(0)
                        .get(1));
        Map<String, String> variables = new HashMap<>();
        SinkConnectorConfig.VARIABLES.forEach(name -> variables.put(name, "x"));
        variables.put("lake_bucket", HclTemplate.renderValue(passed.get("lake_bucket"), warehouse));
        variables.put("topics_dir", HclTemplate.renderValue(passed.get("topics_dir"), warehouse));
        variables.put("processed_topic", HclTemplate.renderValue(passed.get("processed_topic"), warehouse));
        Map<String, String> sink = SinkConnectorConfig.production(Layout.DEFAULT, variables);

        assertThat(tableLocation(warehouse))
                .isEqualTo(WAREHOUSE_FOLDER)
                .isEqualTo("s3://" + sink.get("s3.bucket.name") + "/" + sink.get("topics.dir") + "/"
                        + sink.get("topics") + "/");
    }

    @Test
    void theSinkMayWriteOnlyItsVersionsFolderUnderThePrefix() {
        Map<String, String> warehouse = PipelineNames.bindings(TF, "v1", Placement.WAREHOUSE);
        IamPolicy sink = IamPolicy.of(TF, "sink", warehouse);
        String bucket = "arn:aws:s3:::prod.datawarehouse.sagebase.org";
        String file = "synapse.accessrecords.processed.v1/record_date=2026-11-23/"
                + "synapse.accessrecords.processed.v1+0+0000000000.snappy.parquet";

        for (String action : List.of("s3:PutObject", "s3:GetObject", "s3:AbortMultipartUpload")) {
            assertThat(sink.allows(action, bucket + "/warehouse/processedaccessrecord_stream/processed/v1/" + file))
                    .as(action)
                    .isTrue();
            assertThat(sink.allows(action, bucket + "/processed/v1/" + file))
                    .as(action + " outside the prefix")
                    .isFalse();
            assertThat(sink.allows(action, bucket + "/warehouse/processedaccessrecord/record_date=2026-11-23/x"))
                    .as(action + " on the Glue job's table")
                    .isFalse();
            assertThat(sink.allows(action, bucket + "/warehouse/processedaccessrecord_stream/processed/v2/x"))
                    .as(action + " on another version's folder")
                    .isFalse();
        }
        assertThat(sink.allows("s3:ListBucket", bucket)).isTrue();
        assertThat(sink.allows("s3:ListBucket", "arn:aws:s3:::" + PipelineNames.LAKE_BUCKET))
                .isFalse();
    }

    /** In a database that still holds the Glue job's table of that name, the view needs another until cutover. */
    @Test
    void theViewsNameIsAVariableWhoseDefaultIsTodaysTableName() {
        Map<?, ?> variable = (Map<?, ?>) TF.entries("variable").get("view_name");

        assertThat(variable.get("default")).isEqualTo(SharedNames.VIEW);
        assertThat(TF.localText("view_name")).isEqualTo("var.view_name");
        assertThat(HclText.attribute(TF.blockText("resource", "aws_athena_named_query", "switch_view"), "query")
                        .orElseThrow())
                .contains("CREATE OR REPLACE VIEW ${local.view_name} AS");
    }

    private static String tableLocation(Map<String, String> bindings) {
        assertThat(TF.localText("table_locations").replaceAll("\\s+", " ")).isEqualTo(TABLE_LOCATIONS);
        return String.format(
                "s3://%s/%s/%s/",
                bindings.get("local.lake_bucket"),
                bindings.get("local.lake_topics_dirs[each.key]"),
                bindings.get("each.value.processed_topic"));
    }

    private static List<String> buckets(Map<String, String> bindings) {
        assertThat(TF.localText("buckets").replaceAll("\\s+", " ")).isEqualTo(BUCKETS);
        return ((Map<?, ?>) TF.entries("locals").get("bucket_names"))
                .keySet().stream()
                        .map(String::valueOf)
                        .filter(key ->
                                !key.equals("lake") || HclConditional.holds("local.create_lake_bucket", bindings))
                        .toList();
    }
}
