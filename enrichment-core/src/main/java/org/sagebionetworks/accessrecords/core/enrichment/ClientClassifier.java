package org.sagebionetworks.accessrecords.core.enrichment;

import java.util.List;

/**
 * {@code client} and {@code client_version} from the user agent, rule for rule as the Glue job's
 * {@code get_client} and {@code get_client_version}: the first matching rule wins, product tokens are
 * case-sensitive substrings, browser names are case-insensitive and may match inside other words
 * ({@code kubernetes-operator} counts as Opera, as it does today).
 */
public final class ClientClassifier {

    /** Clients recognised by their product token alone, in the order the Glue job tests them. */
    private static final List<Client> BY_TOKEN = List.of(
            Client.SYNAPSER, Client.R, Client.COMMAND_LINE, Client.PYTHON, Client.ELB_HEALTHCHECKER, Client.STACK);
    /** The Java client's token has been misspelt by some releases; both spellings count. */
    private static final String MISSPELT_JAVA_TOKEN = "Synpase-Java-Client";

    private ClientClassifier() {}

    public static Client classify(String userAgent) {
        if (userAgent == null) {
            return Client.UNKNOWN;
        }
        if (userAgent.contains(Client.WEB.userAgentToken()) || BrowserNames.findEnd(userAgent, 0) >= 0) {
            return Client.WEB;
        }
        if (userAgent.contains(Client.JAVA.userAgentToken()) || userAgent.contains(MISSPELT_JAVA_TOKEN)) {
            return Client.JAVA;
        }
        for (Client client : BY_TOKEN) {
            if (userAgent.contains(client.userAgentToken())) {
                return client;
            }
        }
        return Client.UNKNOWN;
    }

    /** The version for a client already classified; null when the user agent does not state one. */
    public static String version(Client client, String userAgent) {
        if (client == null || userAgent == null) {
            return null;
        }
        return switch (client) {
            case WEB -> webVersion(userAgent);
            case JAVA ->
                versionAfter(
                        userAgent.startsWith("Synpase") ? MISSPELT_JAVA_TOKEN : Client.JAVA.userAgentToken(),
                        userAgent);
            case UNKNOWN -> null;
            default -> versionAfter(client.userAgentToken(), userAgent);
        };
    }

    /** A browser's version counts only when the user agent starts with it; otherwise the web client's own. */
    private static String webVersion(String userAgent) {
        if (BrowserNames.findEnd(userAgent, 0) < 0) {
            return versionAfter(Client.WEB.userAgentToken(), userAgent);
        }
        int nameEnd = userAgent.isEmpty() ? -1 : BrowserNames.matchEndAt(userAgent, 0);
        if (nameEnd < 0 || nameEnd >= userAgent.length() || userAgent.charAt(nameEnd) != '/') {
            return null;
        }
        return nonWhitespaceRun(userAgent, nameEnd + 1);
    }

    /** {@code re.search(token + '/(\S+)', userAgent).group(1)}, or null without a match. */
    private static String versionAfter(String token, String userAgent) {
        String prefix = token + '/';
        for (int at = userAgent.indexOf(prefix); at >= 0; at = userAgent.indexOf(prefix, at + 1)) {
            String version = nonWhitespaceRun(userAgent, at + prefix.length());
            if (version != null) {
                return version;
            }
        }
        return null;
    }

    private static String nonWhitespaceRun(String s, int start) {
        int end = start;
        while (end < s.length() && !PythonText.isWhitespace(s.charAt(end))) {
            end++;
        }
        return end > start ? s.substring(start, end) : null;
    }
}
