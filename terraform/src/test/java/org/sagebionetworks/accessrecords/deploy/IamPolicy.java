package org.sagebionetworks.accessrecords.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The Allow statements of an {@code aws_iam_policy_document} data source, with resource ARNs evaluated from
 * their templates, so a test can ask what the policy permits on a concrete topic, group or transactional id.
 */
final class IamPolicy {

    private record Statement(List<String> actions, List<String> resources) {}

    private final List<Statement> statements = new ArrayList<>();

    private IamPolicy(String documentBody, Map<String, String> bindings) {
        for (String statement : HclText.blocks(documentBody, "statement")) {
            if (HclText.attribute(statement, "effect")
                    .filter(effect -> !effect.equals("\"Allow\""))
                    .isPresent()) {
                throw new AssertionError("only Allow statements are interpreted: " + statement);
            }
            statements.add(new Statement(list(statement, "actions", Map.of()), list(statement, "resources", bindings)));
        }
        if (statements.isEmpty()) {
            throw new AssertionError("policy document without statements");
        }
    }

    static IamPolicy of(TerraformConfig terraform, String name, Map<String, String> bindings) {
        return new IamPolicy(terraform.blockText("data", "aws_iam_policy_document", name), bindings);
    }

    boolean allows(String action, String resource) {
        return statements.stream()
                .anyMatch(statement -> statement.actions().stream().anyMatch(a -> matches(a, action))
                        && statement.resources().stream().anyMatch(r -> matches(r, resource)));
    }

    private static boolean matches(String pattern, String value) {
        String regex = Pattern.quote(pattern).replace("*", "\\E.*\\Q");
        return value.matches(regex);
    }

    private static List<String> list(String statement, String attribute, Map<String, String> bindings) {
        String expression = HclText.attribute(statement, attribute)
                .orElseThrow(() -> new AssertionError("statement without " + attribute + ": " + statement));
        if (!expression.startsWith("[") || !expression.endsWith("]")) {
            throw new AssertionError(attribute + " is not a list literal: " + expression);
        }
        return HclText.splitTopLevel(expression.substring(1, expression.length() - 1), ',').stream()
                .map(element -> HclTemplate.renderValue(element, bindings))
                .toList();
    }
}
