package org.sagebionetworks.accessrecords.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code terraform show -json} of a plan, read by resource address: what each planned resource's arguments will be
 * ({@code after}), which of them are known only after apply, and the variables the plan used. A data source whose
 * arguments name an unknown value (a policy document naming the cluster's ARN) is planned as a read, so it is found
 * here too.
 */
final class TerraformPlan {

    private final JsonNode plan;
    private final Map<String, JsonNode> changes = new LinkedHashMap<>();

    TerraformPlan(JsonNode plan) {
        this.plan = plan;
        plan.path("resource_changes")
                .forEach(change -> changes.put(change.get("address").asText(), change));
    }

    /** Whether Terraform could plan everything and would apply this plan. */
    boolean completeAndApplyable() {
        return plan.path("complete").asBoolean(false)
                && plan.path("applyable").asBoolean(false)
                && !plan.path("errored").asBoolean(true);
    }

    /** Every planned address with its actions, e.g. {@code aws_s3_bucket.this["lake"]} to {@code [create]}. */
    Map<String, List<String>> actions() {
        Map<String, List<String>> actions = new LinkedHashMap<>();
        changes.forEach((address, change) -> {
            List<String> names = new ArrayList<>();
            change.path("change").path("actions").forEach(action -> names.add(action.asText()));
            actions.put(address, names);
        });
        return actions;
    }

    /** The addresses of the managed resources of one type, e.g. every {@code aws_cloudwatch_log_group}. */
    List<String> addresses(String type) {
        return changes.values().stream()
                .filter(change -> change.path("mode").asText().equals("managed"))
                .filter(change -> change.path("type").asText().equals(type))
                .map(change -> change.get("address").asText())
                .toList();
    }

    boolean has(String address) {
        return changes.containsKey(address);
    }

    /** The planned arguments of a resource or deferred data source; fails when the plan has no such address. */
    JsonNode after(String address) {
        return change(address).path("after");
    }

    /** Which arguments are known only after apply, in the shape of {@link #after}: {@code true} marks one. */
    JsonNode afterUnknown(String address) {
        return change(address).path("after_unknown");
    }

    /** An output's planned value; a missing node when it is unknown until apply or absent. */
    JsonNode output(String name) {
        return plan.path("planned_values").path("outputs").path(name).path("value");
    }

    /** An output's planned value with only its known parts, for an output that is known in part until apply. */
    JsonNode knownPartOfOutput(String name) {
        return plan.path("output_changes").path(name).path("after");
    }

    /** A variable's value as the plan used it (a default included), as text: {@code 6}, {@code us-east-1}. */
    String variable(String name) {
        JsonNode variable = plan.path("variables").path(name);
        if (variable.isMissingNode()) {
            throw new AssertionError("the plan has no variable " + name);
        }
        return variable.path("value").asText();
    }

    private JsonNode change(String address) {
        JsonNode change = changes.get(address);
        if (change == null) {
            throw new AssertionError("the plan has no " + address + "; it plans " + changes.keySet());
        }
        return change.path("change");
    }
}
