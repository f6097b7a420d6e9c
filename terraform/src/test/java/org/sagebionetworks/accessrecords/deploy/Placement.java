package org.sagebionetworks.accessrecords.deploy;

import java.util.HashMap;
import java.util.Map;

/**
 * Where the table lives, as placement.tf's locals compute it from the placement variables: a database and a lake
 * bucket of the stack's own (every variable unset, the default), or an existing database, bucket and prefix.
 * The locals are evaluated from their text, in the order they depend on each other, into bindings a per-version
 * resource's expressions can be rendered with.
 */
record Placement(String glueDatabase, String lakeBucket, String lakePrefix) {

    /** What Terraform creates when no placement variable is set. */
    static final Placement OWN = new Placement(null, null, "");

    /** Today's data-warehouse database and bucket, with a folder of the database's prefix for the new table. */
    static final Placement WAREHOUSE =
            new Placement("warehouse", "prod.datawarehouse.sagebase.org", "warehouse/processedaccessrecord_stream");

    static final String OWN_DATABASE = "stack_synapse_access_records";

    private static final String[] LOCALS = {
        "create_glue_database", "create_lake_bucket", "glue_database", "lake_bucket", "lake_bucket_arn", "lake_folder"
    };
    private static final String TOPICS_DIRS =
            "{ for v, p in local.pipelines : v => format(\"%s%s\", local.lake_folder, p.topics_dir) }";

    /** The placement locals, and the version's {@code local.lake_topics_dirs[each.key]}. */
    Map<String, String> bindings(TerraformConfig terraform, Map<String, String> versionNames) {
        Map<String, String> bindings = new HashMap<>();
        bindings.put("var.glue_database", glueDatabase);
        bindings.put("var.lake_bucket", lakeBucket);
        bindings.put("var.lake_prefix", lakePrefix);
        bindings.put("aws_glue_catalog_database.this[0].name", OWN_DATABASE);
        bindings.put("aws_s3_bucket.this[\"lake\"].bucket", PipelineNames.LAKE_BUCKET);
        for (String local : LOCALS) {
            bindings.put(
                    "local." + local,
                    HclConditional.evaluate(terraform.localText(local).replaceAll("\\s+", " "), bindings));
        }
        String topicsDirs = terraform.localText("lake_topics_dirs").replaceAll("\\s+", " ");
        if (!topicsDirs.equals(TOPICS_DIRS)) {
            throw new AssertionError("local.lake_topics_dirs changed; the test evaluates " + TOPICS_DIRS);
        }
        bindings.put(
                "local.lake_topics_dirs[each.key]", bindings.get("local.lake_folder") + versionNames.get("topics_dir"));
        return bindings;
    }
}
