package org.sagebionetworks.accessrecords.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The source text of HCL expressions. hcl4j parses the block structure and literal values well, but it evaluates
 * every expression while parsing, and an expression that names anything it cannot resolve (a resource attribute,
 * {@code path.module}, a Terraform function it lacks) comes back blank or null. Checks of such expressions read
 * their text here instead: strings, {@code ${...}} templates, heredocs and brackets are skipped as units, so a
 * brace inside a string never ends a block.
 */
final class HclText {

    private static final Pattern HEREDOC = Pattern.compile("<<-?([A-Za-z_]+)\\n");

    private HclText() {}

    /** The text without {@code #}, {@code //} and {@code /* *}{@code /} comments. */
    static String withoutComments(String text) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '#' || text.startsWith("//", i)) {
                i = text.indexOf('\n', i) < 0 ? text.length() : text.indexOf('\n', i);
            } else if (text.startsWith("/*", i)) {
                i = text.indexOf("*/", i) + 2;
            } else {
                int end = skipUnit(text, i);
                out.append(text, i, end);
                i = end;
            }
        }
        return out.toString();
    }

    /** The bodies (between the braces) of every block whose header matches {@code header}, e.g. {@code statement}. */
    static List<String> blocks(String text, String header) {
        List<String> bodies = new ArrayList<>();
        Matcher matcher = Pattern.compile("(?m)^\\s*" + header + "\\s*\\{").matcher(text);
        while (matcher.find()) {
            int open = matcher.end() - 1;
            bodies.add(text.substring(open + 1, closing(text, open)));
        }
        return bodies;
    }

    /** The one block whose header matches; fails when there is none or more than one. */
    static String block(String text, String header) {
        List<String> found = blocks(text, header);
        if (found.size() != 1) {
            throw new AssertionError("expected one block '" + header + "', found " + found.size());
        }
        return found.get(0);
    }

    /** The expression assigned to {@code name} at the top level of a block body. */
    static Optional<String> attribute(String body, String name) {
        Matcher matcher = Pattern.compile("(?m)^\\s*\"?" + Pattern.quote(name) + "\"?\\s*=(?!=)")
                .matcher(body);
        while (matcher.find()) {
            if (depthAt(body, matcher.start()) == 0) {
                return Optional.of(body.substring(matcher.end(), expressionEnd(body, matcher.end()))
                        .strip());
            }
        }
        return Optional.empty();
    }

    /** The top-level arguments of every call of {@code function} in the text. */
    static List<List<String>> calls(String text, String function) {
        List<List<String>> calls = new ArrayList<>();
        Matcher matcher = Pattern.compile("\\b" + function + "\\(").matcher(text);
        while (matcher.find()) {
            int open = matcher.end() - 1;
            calls.add(splitTopLevel(text.substring(open + 1, closing(text, open)), ','));
        }
        return calls;
    }

    /** {@code { name = expression ... }} as written, one attribute per line. */
    static Map<String, String> objectLiteral(String text) {
        String body = text.strip();
        if (!body.startsWith("{") || !body.endsWith("}")) {
            throw new AssertionError("not an object literal: " + text);
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        for (String line : body.substring(1, body.length() - 1).strip().split("\\n")) {
            String[] parts = line.split("=", 2);
            attributes.put(parts[0].strip(), parts[1].strip());
        }
        return attributes;
    }

    /** Splits at separators outside strings and brackets; blank trailing parts (a trailing comma) are dropped. */
    static List<String> splitTopLevel(String text, char separator) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == separator && depth == 0) {
                parts.add(text.substring(start, i).strip());
                start = i + 1;
            }
            depth += c == '(' || c == '[' || c == '{' ? 1 : c == ')' || c == ']' || c == '}' ? -1 : 0;
            i = skipUnit(text, i);
        }
        parts.add(text.substring(start).strip());
        parts.removeIf(String::isEmpty);
        return parts;
    }

    /** The index of the bracket closing the one at {@code open}. */
    static int closing(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i = skipUnit(text, i)) {
            char c = text.charAt(i);
            depth += c == '(' || c == '[' || c == '{' ? 1 : c == ')' || c == ']' || c == '}' ? -1 : 0;
            if (depth == 0) {
                return i;
            }
        }
        throw new AssertionError("unbalanced bracket at offset " + open);
    }

    private static int expressionEnd(String text, int from) {
        int depth = 0;
        for (int i = from; i < text.length(); i = skipUnit(text, i)) {
            char c = text.charAt(i);
            if (c == '\n' && depth == 0) {
                return i;
            }
            depth += c == '(' || c == '[' || c == '{' ? 1 : c == ')' || c == ']' || c == '}' ? -1 : 0;
        }
        return text.length();
    }

    private static int depthAt(String text, int position) {
        int depth = 0;
        for (int i = 0; i < position; i = skipUnit(text, i)) {
            char c = text.charAt(i);
            depth += c == '(' || c == '[' || c == '{' ? 1 : c == ')' || c == ']' || c == '}' ? -1 : 0;
        }
        return depth;
    }

    /** The index after the unit starting at {@code i}: a whole string or heredoc, otherwise one character. */
    private static int skipUnit(String text, int i) {
        if (text.charAt(i) == '"') {
            int j = i + 1;
            while (text.charAt(j) != '"') {
                j = text.charAt(j) == '\\' ? j + 2 : text.startsWith("${", j) ? closing(text, j + 1) + 1 : j + 1;
            }
            return j + 1;
        }
        Matcher heredoc = HEREDOC.matcher(text).region(i, text.length());
        if (heredoc.lookingAt()) {
            Matcher end = Pattern.compile("(?m)^\\s*" + heredoc.group(1) + "$").matcher(text);
            if (!end.find(heredoc.end())) {
                throw new AssertionError("heredoc " + heredoc.group(1) + " never ends");
            }
            return end.end();
        }
        return i + 1;
    }
}
