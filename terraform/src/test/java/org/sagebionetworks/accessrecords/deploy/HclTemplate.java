package org.sagebionetworks.accessrecords.deploy;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one kind of HCL expression the tests evaluate themselves: a quoted string whose interpolations are plain
 * references ({@code "${local.kafka_topic_arn}/${each.value.application_id}-*"}). Each reference must be bound
 * by the test; a function call, an operator or an unbound name fails rather than being guessed.
 */
final class HclTemplate {

    private static final Pattern INTERPOLATION = Pattern.compile("(?<!\\$)\\$\\{([^}]*)}");

    private HclTemplate() {}

    static String render(String expression, Map<String, String> bindings) {
        String literal = expression.strip();
        if (!literal.startsWith("\"") || !literal.endsWith("\"") || literal.length() < 2) {
            throw new AssertionError("not a quoted template: " + expression);
        }
        Matcher matcher = INTERPOLATION.matcher(literal.substring(1, literal.length() - 1));
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String reference = matcher.group(1).strip();
            String value = bindings.get(reference);
            if (value == null) {
                throw new AssertionError("the test does not interpret ${" + reference + "} in " + expression
                        + "; it knows " + bindings.keySet());
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return matcher.appendTail(out).toString().replace("$${", "${");
    }

    /** A reference or a quoted template, e.g. an element of {@code resources = [...]}. */
    static String renderValue(String expression, Map<String, String> bindings) {
        String value = expression.strip();
        if (value.startsWith("\"")) {
            return render(value, bindings);
        }
        if (!bindings.containsKey(value)) {
            throw new AssertionError("the test does not interpret " + value + "; it knows " + bindings.keySet());
        }
        return bindings.get(value);
    }
}
