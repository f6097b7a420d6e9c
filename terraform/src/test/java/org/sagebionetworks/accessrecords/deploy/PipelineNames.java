package org.sagebionetworks.accessrecords.deploy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names Terraform gives one pipeline version ({@code local.pipelines} in naming.tf), evaluated for a given
 * version: each attribute of the object built per version is a template over {@code v} and {@code var.stack_name}.
 * Together with the shared literal names (raw topic, dead-letter topics) these are the bindings other checks use
 * to evaluate resource names, ARNs and connector variables.
 */
final class PipelineNames {

    static final String STACK = "stack";
    static final String LAKE_BUCKET = "stack-lake";
    static final String CLUSTER_ARN = "arn:aws:kafka:us-east-1:111122223333:cluster/stack-cluster/0000-uuid-1";

    private static final Pattern SHAPE = Pattern.compile(
            "\\{ for pipeline in \\[for v in local\\.pipeline_versions : \\{(.*)}] : pipeline\\.version => pipeline }");
    private static final List<String> SHARED =
            List.of("raw_topic", "dead_letter_topic", "sink_dead_letter_topic", "serving_topic");

    private PipelineNames() {}

    /** application_id, processed_topic, topics_dir, table_name, connector_name of one version. */
    static Map<String, String> of(TerraformConfig terraform, String version) {
        String expression = terraform.localText("pipelines").replaceAll("\\s+", " ");
        Matcher shape = SHAPE.matcher(expression);
        if (!shape.matches()) {
            throw new AssertionError(
                    "local.pipelines changed shape; the test evaluates exactly " + SHAPE + " but found " + expression);
        }
        Map<String, String> bindings = Map.of("v", version, "var.stack_name", STACK);
        Map<String, String> names = new LinkedHashMap<>();
        for (String attribute : shape.group(1).strip().split(" (?=[a-z_]+ = )")) {
            String[] parts = attribute.split(" = ", 2);
            names.put(parts[0].strip(), HclTemplate.renderValue(parts[1], bindings));
        }
        return names;
    }

    /** Every reference a per-version resource of the given version can make to a name, with its value. */
    static Map<String, String> bindings(TerraformConfig terraform, String version) {
        return bindings(terraform, version, Placement.OWN);
    }

    /** The same, with the table placed as given. */
    static Map<String, String> bindings(TerraformConfig terraform, String version, Placement placement) {
        Map<String, String> bindings = new LinkedHashMap<>(placement.bindings(terraform, of(terraform, version)));
        of(terraform, version).forEach((name, value) -> bindings.put("each.value." + name, value));
        bindings.put("each.key", version);
        for (String shared : SHARED) {
            bindings.put("local." + shared, literalLocal(terraform, shared));
        }
        bindings.put("aws_msk_cluster.this.arn", CLUSTER_ARN);
        bindings.put("local.sink_groups[each.key]", "connect-" + bindings.get("each.value.connector_name"));
        // A version's entry of local.sinks: its processed topic into its own folder (naming.tf).
        bindings.put("each.value.topic", bindings.get("each.value.processed_topic"));
        bindings.put("each.value.topics_dir", bindings.get("local.lake_topics_dirs[each.key]"));
        for (String kind : List.of("topic", "group", "transactional_id")) {
            bindings.put("local.kafka_" + kind.replace("_id", "") + "_arn", kafkaArn(terraform, kind));
        }
        return bindings;
    }

    static String literalLocal(TerraformConfig terraform, String name) {
        Object value = terraform.entries("locals").get(name);
        if (!(value instanceof String text)) {
            throw new AssertionError("local." + name + " is not a literal string: " + value);
        }
        return text;
    }

    /** MSK IAM resource prefixes are the cluster ARN with its resource type replaced; see naming.tf. */
    private static String kafkaArn(TerraformConfig terraform, String kind) {
        String local = "kafka_" + kind.replace("_id", "") + "_arn";
        String type = kind.replace('_', '-');
        String expected = "replace(aws_msk_cluster.this.arn, \":cluster/\", \":" + type + "/\")";
        String actual = terraform.localText(local);
        if (!actual.equals(expected)) {
            throw new AssertionError("local." + local + " should be " + expected + " but is " + actual);
        }
        return CLUSTER_ARN.replace(":cluster/", ":" + type + "/");
    }
}
