package org.sagebionetworks.accessrecords.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sagebionetworks.accessrecords.connect.Layout;

/**
 * One set of Terraform variables the suite plans, with what it chose spelled out so the checks can derive the
 * names they expect: the minimal set (only the required variables, and the account, which a plan would otherwise
 * ask STS for) in either layout, and the production set (the table placed in today's data warehouse, alarms
 * notifying a topic, the plugin uploaded by a named deployer, Synapse's hosts publishing, the Firehose archive to
 * load and follow as a service, a KMS key, egress through VPC endpoints), which can have a second version replaying beside the first
 * (blue/green).
 */
record StackVariables(
        String name,
        String stack,
        Layout layout,
        Placement placement,
        List<String> versions,
        String viewName,
        Map<String, Object> values) {

    static final String ALARM_TOPIC = "arn:aws:sns:us-east-1:111122223333:synapse-access-records-alarms";
    /** Where today's processedaccessrecord/ lives in the warehouse bucket: the database's folder. */
    static final String SERVING_DIR = "warehouse";
    /** When v1 starts serving, and, blue/green, when v2 takes over. */
    static final String CUTOVER = "2026-12-01T00:00:00Z";

    static final String HANDOVER = "2027-01-01T00:00:00Z";
    static final int PRODUCTION_LOG_RETENTION_DAYS = 365;
    /** The account every set names, so that no plan asks STS for it. */
    static final String ACCOUNT = "111122223333";
    /** Synapse's repository hosts: the role and security group of the hosts that publish to the raw topic. */
    static final String SYNAPSE_ROLE = "prod-synapse-repository";

    static final String SYNAPSE_SECURITY_GROUP = "sg-0synapserepo";
    /** Where Firehose archives the raw records, which load-archive reads. */
    static final String ARCHIVE_BUCKET = "prod.log.sagebase.org";

    static final String ARCHIVE_PREFIX = "accessRecord/records";
    /** The production set follows the archive as a service from this request day on (load-archive --follow). */
    static final String ARCHIVE_FOLLOW_FROM = "2026-11-30";

    static final String DEPLOYER = "arn:aws:iam::111122223333:role/synapse-access-records-deployer";
    static final String KMS_KEY = "arn:aws:kms:us-east-1:111122223333:key/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d";
    /** The tasks reach S3 through a gateway endpoint's prefix list, the rest through interface endpoints. */
    static final String S3_PREFIX_LIST = "pl-63a5400a";

    static final String ENDPOINTS_CIDR = "10.20.0.0/16";
    static final int BROKER_VOLUME_MAX_GIB = 4000;

    static StackVariables minimal(Layout layout) {
        Map<String, Object> values = required("dev");
        if (layout != Layout.DEFAULT) {
            values.put("layout", layout.fileName());
        }
        return new StackVariables(
                "minimal-" + layout.fileName(),
                "dev",
                layout,
                Placement.OWN,
                List.of("v1"),
                "processedaccessrecord",
                values);
    }

    static StackVariables production(Path pluginZip) {
        Map<String, Object> values = required("prod");
        values.put("glue_database", Placement.WAREHOUSE.glueDatabase());
        values.put("lake_bucket", Placement.WAREHOUSE.lakeBucket());
        values.put("lake_prefix", Placement.WAREHOUSE.lakePrefix());
        values.put("view_name", "processedaccessrecord_stream");
        values.put("alarm_actions", List.of(ALARM_TOPIC));
        values.put("log_retention_days", PRODUCTION_LOG_RETENTION_DAYS);
        values.put("sink_plugin_zip_file", pluginZip.toString());
        values.put("serving_dir", SERVING_DIR);
        values.put("serving_windows", Map.of("v1", Map.of("from", CUTOVER)));
        values.put("publisher_role_names", List.of(SYNAPSE_ROLE));
        values.put("publisher_security_group_ids", List.of(SYNAPSE_SECURITY_GROUP));
        values.put("archive_bucket", ARCHIVE_BUCKET);
        values.put("archive_prefix", ARCHIVE_PREFIX);
        values.put("archive_follow", true);
        values.put("archive_follow_from", ARCHIVE_FOLLOW_FROM);
        values.put("plugin_deployer_role_arns", List.of(DEPLOYER));
        values.put("kms_key_arn", KMS_KEY);
        values.put("https_egress_cidrs", List.of(ENDPOINTS_CIDR));
        values.put("https_egress_prefix_list_ids", List.of(S3_PREFIX_LIST));
        values.put("broker_volume_max_gib", BROKER_VOLUME_MAX_GIB);
        values.put("raw_topic_retention_days", 400);
        values.put("raw_topic_local_retention_days", 3);
        values.put("processed_topic_retention_days", 14);
        return new StackVariables(
                "production",
                "prod",
                Layout.DEFAULT,
                Placement.WAREHOUSE,
                List.of("v1"),
                "processedaccessrecord_stream",
                values);
    }

    /**
     * The same stack while {@code version} replays beside the serving one, reading its own history topic too, and
     * takes the serving folder over at {@link #HANDOVER} when the stack serves.
     */
    StackVariables replaying(String version) {
        Map<String, Object> more = new LinkedHashMap<>(values);
        more.put("extra_pipeline_versions", List.of(version));
        more.put("history_pipeline_versions", List.of(version));
        if (values.containsKey("serving_windows")) {
            more.put(
                    "serving_windows",
                    Map.of(
                            versions.get(0),
                            Map.of("from", CUTOVER, "until", HANDOVER),
                            version,
                            Map.of("from", HANDOVER)));
        }
        List<String> both = new ArrayList<>(versions);
        both.add(version);
        return new StackVariables(name + "-blue-green", stack, layout, placement, both, viewName, more);
    }

    /** Whether {@code version} has a serving window, and so writes the serving folder at some time. */
    boolean serves(String version) {
        return values.get("serving_windows") instanceof Map<?, ?> windows && windows.containsKey(version);
    }

    String servingVersion() {
        return versions.get(0);
    }

    /** The bucket the sink writes: the given one, or the one Terraform creates for the stack. */
    String lakeBucket() {
        return placement.lakeBucket() != null ? placement.lakeBucket() : stack + "-synapse-access-records-lake";
    }

    /** The sink's {@code topics.dir} of a version: {@code processed/vN} under the lake prefix. */
    String topicsDir(String version) {
        String prefix = placement.lakePrefix().isEmpty() ? "" : placement.lakePrefix() + "/";
        return prefix + "processed/" + version;
    }

    String glueDatabase() {
        return placement.glueDatabase() != null
                ? placement.glueDatabase()
                : stack.replace('-', '_') + "_synapse_access_records";
    }

    /** The same variables with some replaced, e.g. to see a validation refuse them. */
    StackVariables with(String name, Map<String, Object> changes) {
        Map<String, Object> changed = new LinkedHashMap<>(values);
        changed.putAll(changes);
        return new StackVariables(name, stack, layout, placement, versions, viewName, changed);
    }

    /** The set's name, which is what a parameterized test's report should show. */
    @Override
    public String toString() {
        return name;
    }

    private static Map<String, Object> required(String stack) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("stack_name", stack);
        values.put("vpc_id", "vpc-0a1b2c3d");
        values.put("subnet_ids", List.of("subnet-0a", "subnet-0b", "subnet-0c"));
        values.put("enricher_image", "111122223333.dkr.ecr.us-east-1.amazonaws.com/enricher-service:1.0.0");
        values.put("raw_topic_retention_days", -1);
        values.put("aws_account_id", ACCOUNT);
        return values;
    }
}
