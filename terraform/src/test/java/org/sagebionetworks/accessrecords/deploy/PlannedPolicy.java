package org.sagebionetworks.accessrecords.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The statements of an {@code aws_iam_policy_document} as planned. Resources made from the MSK cluster's ARN (every
 * {@code kafka-cluster:} resource) exist only after apply, so the plan knows them as unknown; the others (bucket
 * ARNs) it knows. Each statement keeps its known resources and counts its unknown ones.
 */
final class PlannedPolicy {

    /** One test of a statement's condition, e.g. {@code StringLike s3:prefix [processed/v1/*]}. */
    record Condition(String test, String variable, List<String> values) {}

    record Statement(
            String sid,
            Set<String> actions,
            List<String> knownResources,
            int unknownResources,
            List<Condition> conditions) {

        boolean grantsAny(String service) {
            return actions.stream().anyMatch(action -> action.startsWith(service + ":"));
        }
    }

    private final List<Statement> statements = new ArrayList<>();

    private PlannedPolicy(JsonNode after, JsonNode afterUnknown) {
        JsonNode planned = after.path("statement");
        for (int i = 0; i < planned.size(); i++) {
            JsonNode statement = planned.get(i);
            JsonNode effect = statement.path("effect");
            if (effect.isTextual() && !effect.asText().equals("Allow")) {
                throw new AssertionError("only Allow statements are interpreted: " + statement);
            }
            Set<String> actions = new LinkedHashSet<>();
            statement.path("actions").forEach(action -> actions.add(action.asText()));
            List<String> known = new ArrayList<>();
            int unknown = 0;
            JsonNode resources = statement.path("resources");
            JsonNode unknownResources = afterUnknown.path("statement").path(i).path("resources");
            for (int r = 0; r < resources.size(); r++) {
                if (unknownResources.path(r).asBoolean(false)) {
                    unknown++;
                } else {
                    known.add(resources.get(r).asText());
                }
            }
            statements.add(new Statement(
                    statement.path("sid").asText(), actions, known, unknown, conditions(statement.path("condition"))));
        }
        if (statements.isEmpty()) {
            throw new AssertionError("policy document without statements: " + after);
        }
    }

    /** The planned document {@code data.aws_iam_policy_document.<name>["<version>"]}. */
    static PlannedPolicy of(TerraformPlan plan, String name, String version) {
        return at(plan, "data.aws_iam_policy_document." + name + "[\"" + version + "\"]");
    }

    /** The planned document at this address, e.g. {@code data.aws_iam_policy_document.publisher}. */
    static PlannedPolicy at(TerraformPlan plan, String address) {
        return new PlannedPolicy(plan.after(address), plan.afterUnknown(address));
    }

    /** The statement of this sid; fails when there is none. */
    Statement statement(String sid) {
        return statements.stream()
                .filter(statement -> statement.sid().equals(sid))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no statement " + sid + " in " + statements));
    }

    List<Statement> statements() {
        return statements;
    }

    private static List<Condition> conditions(JsonNode planned) {
        List<Condition> conditions = new ArrayList<>();
        planned.forEach(condition -> {
            List<String> values = new ArrayList<>();
            condition.path("values").forEach(value -> values.add(value.asText()));
            conditions.add(new Condition(
                    condition.path("test").asText(), condition.path("variable").asText(), values));
        });
        return conditions;
    }

    Set<String> actions() {
        Set<String> all = new LinkedHashSet<>();
        statements.forEach(statement -> all.addAll(statement.actions()));
        return all;
    }

    /** The known resources of every statement that grants one of {@code actions}. */
    Set<String> knownResourcesOf(Set<String> actions) {
        Set<String> resources = new LinkedHashSet<>();
        statements.stream()
                .filter(statement -> statement.actions().stream().anyMatch(actions::contains))
                .forEach(statement -> resources.addAll(statement.knownResources()));
        return resources;
    }
}
