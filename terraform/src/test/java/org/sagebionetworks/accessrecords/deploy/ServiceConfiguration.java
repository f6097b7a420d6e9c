package org.sagebionetworks.accessrecords.deploy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The enricher's settings as the README's configuration table documents them (every key of the service's
 * {@code @ConfigurationProperties} records is listed there with its environment variable and default), and the
 * paths of its HTTP table. Deployments must use these names.
 */
final class ServiceConfiguration {

    private static final Pattern ROW = Pattern.compile(
            "(?m)^\\|\\s*(`[^`]+`)?\\s*\\|\\s*`([A-Z][A-Z0-9_]+)`\\s*\\|\\s*`?([^|`]*)`?\\s*\\|");
    private static final Pattern PATH_ROW = Pattern.compile("(?m)^\\|\\s*`(/[a-z/]+)`\\s*\\|");

    private static final String SERVICE_SECTION = "## The streaming service";

    private final Map<String, String> defaults = new LinkedHashMap<>();
    private final Set<String> httpPaths;

    private ServiceConfiguration(String readme) {
        Matcher row = ROW.matcher(section(readme, "### Configuration"));
        while (row.find()) {
            defaults.put(row.group(2), row.group(3).strip());
        }
        httpPaths = Set.copyOf(PATH_ROW.matcher(section(readme, "### HTTP")).results().map(m -> m.group(1)).toList());
        if (defaults.size() < 10 || httpPaths.isEmpty()) {
            throw new AssertionError("the README's configuration or HTTP table was not found or changed shape");
        }
    }

    static ServiceConfiguration fromReadme() {
        return new ServiceConfiguration(Repository.read(Repository.README));
    }

    /** Every documented environment variable. */
    Set<String> environmentVariables() {
        return defaults.keySet();
    }

    /** The documented default of an environment variable's setting. */
    String defaultOf(String environmentVariable) {
        String value = defaults.get(environmentVariable);
        if (value == null) {
            throw new AssertionError(environmentVariable + " is not in the README's configuration table");
        }
        return value;
    }

    Set<String> httpPaths() {
        return httpPaths;
    }

    /** A sub-section of the streaming service's section: other components document their own settings too. */
    private static String section(String readme, String heading) {
        int service = readme.indexOf(SERVICE_SECTION + "\n");
        if (service < 0) {
            throw new AssertionError("README has no section " + SERVICE_SECTION);
        }
        int start = readme.indexOf(heading + "\n", service);
        if (start < 0) {
            throw new AssertionError("README has no section " + heading);
        }
        int end = readme.indexOf("\n#", start + heading.length());
        return readme.substring(start, end < 0 ? readme.length() : end);
    }
}
