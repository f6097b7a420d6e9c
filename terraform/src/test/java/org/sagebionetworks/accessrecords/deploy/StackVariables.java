package org.sagebionetworks.accessrecords.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sagebionetworks.accessrecords.connect.Layout;

/**
 * One set of Terraform variables the suite plans, with what it chose spelled out so the checks can derive the
 * names they expect: the minimal set (only the required variables) in either layout, and the production set (the
 * table placed in today's data warehouse, alarms notifying a topic, the plugin uploaded), which can have a second
 * version replaying beside the first (blue/green).
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
        return values;
    }
}
