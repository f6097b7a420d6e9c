package org.sagebionetworks.accessrecords.deploy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The enricher's settings as the configuration table of docs/service.md documents them (every key of the service's
 * {@code @ConfigurationProperties} records is listed there with its environment variable and default), and the
 * paths of its HTTP table. Deployments must use these names.
 */
final class ServiceConfiguration {

    private static final Pattern ROW =
            Pattern.compile("(?m)^\\|\\s*(`[^`]+`)?\\s*\\|\\s*`([A-Z][A-Z0-9_]+)`\\s*\\|\\s*`?([^|`]*)`?\\s*\\|");
    private static final Pattern PATH_ROW = Pattern.compile("(?m)^\\|\\s*`(/[a-z/]+)`\\s*\\|");

    /** Tables are found by their header rows (data), not by the headings around them (prose). */
    private static final String CONFIGURATION_HEADER = "| property | environment variable | default | meaning |";

    private static final String HTTP_HEADER = "| path | what |";

    private final Map<String, String> defaults = new LinkedHashMap<>();
    private final Set<String> httpPaths;

    private ServiceConfiguration(String page) {
        Matcher row = ROW.matcher(table(page, CONFIGURATION_HEADER));
        while (row.find()) {
            defaults.put(row.group(2), row.group(3).strip());
        }
        httpPaths = Set.copyOf(PATH_ROW.matcher(table(page, HTTP_HEADER))
                .results()
                .map(m -> m.group(1))
                .toList());
        if (defaults.size() < 10 || httpPaths.isEmpty()) {
            throw new AssertionError("the service page's configuration or HTTP table was not found or changed shape");
        }
    }

    static ServiceConfiguration fromServicePage() {
        return new ServiceConfiguration(Repository.read(Repository.SERVICE_PAGE));
    }

    /** Every documented environment variable. */
    Set<String> environmentVariables() {
        return defaults.keySet();
    }

    /** The documented default of an environment variable's setting. */
    String defaultOf(String environmentVariable) {
        String value = defaults.get(environmentVariable);
        if (value == null) {
            throw new AssertionError(environmentVariable + " is not in the service page's configuration table");
        }
        return value;
    }

    Set<String> httpPaths() {
        return httpPaths;
    }

    /** The one table of the page with this header row, up to its last row. */
    private static String table(String page, String header) {
        int start = page.indexOf("\n" + header + "\n");
        if (start < 0 || page.indexOf("\n" + header + "\n", start + 1) >= 0) {
            throw new AssertionError("no single table is headed " + header);
        }
        return page.substring(start + 1)
                .lines()
                .takeWhile(line -> line.startsWith("|"))
                .collect(Collectors.joining("\n"));
    }
}
