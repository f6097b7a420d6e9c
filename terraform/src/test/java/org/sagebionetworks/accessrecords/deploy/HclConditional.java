package org.sagebionetworks.accessrecords.deploy;

import java.util.List;
import java.util.Map;

/**
 * The conditional expressions the placement of the table is made of, evaluated by the tests themselves: {@code
 * A == B ? X : Y}, {@code C ? X : Y} and {@code A == B}, whose operands are {@code null}, {@code ""}, a bound reference or a
 * quoted template of bound references (see {@link HclTemplate}). Anything else fails rather than being guessed.
 */
final class HclConditional {

    private HclConditional() {}

    /** The value of the expression; a {@code null} binding is Terraform's null. */
    static String evaluate(String expression, Map<String, String> bindings) {
        List<String> test = HclText.splitTopLevel(expression, '?');
        if (test.size() != 2) {
            return expression.contains("==")
                    ? String.valueOf(holds(expression, bindings))
                    : operand(expression, bindings);
        }
        List<String> branches = HclText.splitTopLevel(test.get(1), ':');
        if (branches.size() != 2) {
            throw new AssertionError("not a conditional the test evaluates: " + expression);
        }
        return operand(branches.get(holds(test.get(0), bindings) ? 0 : 1), bindings);
    }

    /** A condition: {@code A == B} or a bound reference whose value is {@code "true"} or {@code "false"}. */
    static boolean holds(String condition, Map<String, String> bindings) {
        String[] sides = condition.split("==", -1);
        if (sides.length == 2) {
            return String.valueOf(operand(sides[0], bindings)).equals(String.valueOf(operand(sides[1], bindings)));
        }
        String value = operand(condition, bindings);
        if (!"true".equals(value) && !"false".equals(value)) {
            throw new AssertionError("not a boolean: " + condition + " = " + value);
        }
        return Boolean.parseBoolean(value);
    }

    private static String operand(String expression, Map<String, String> bindings) {
        String value = expression.strip();
        if (value.equals("null")) {
            return null;
        }
        if (value.matches("-?[0-9]+")) {
            return value;
        }
        return HclTemplate.renderValue(value, bindings);
    }
}
