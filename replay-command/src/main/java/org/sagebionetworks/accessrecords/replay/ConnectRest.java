package org.sagebionetworks.accessrecords.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A Kafka Connect worker's REST API, asked which connectors belong to a version: those that read its processed
 * topic or write its folder of the lake. MSK Connect has no such API; docs/replay.md says how to look there.
 */
final class ConnectRest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final String baseUrl;
    private final Duration timeout;

    ConnectRest(String baseUrl, Duration timeout) {
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    String url() {
        return baseUrl;
    }

    /** The names of the connectors that read {@code processedTopic} or write {@code topicsDir}, sorted. */
    List<String> connectorsOf(String processedTopic, String topicsDir) throws InterruptedException {
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, JsonNode> connector : connectorsWithConfig().properties()) {
            JsonNode config = connector.getValue().path("info").path("config");
            if (reads(config, processedTopic)
                    || topicsDir.equals(config.path("topics.dir").asText())) {
                names.add(connector.getKey());
            }
        }
        names.sort(null);
        return names;
    }

    private static boolean reads(JsonNode config, String topic) {
        String regex = config.path("topics.regex").asText("");
        return Arrays.stream(config.path("topics").asText("").split(","))
                        .map(String::strip)
                        .anyMatch(topic::equals)
                || !regex.isEmpty() && Pattern.matches(regex, topic);
    }

    /** {@code GET /connectors?expand=info}: every connector by name, with its configuration. */
    private JsonNode connectorsWithConfig() throws InterruptedException {
        URI uri = URI.create(baseUrl + "/connectors?expand=info");
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(uri).timeout(timeout).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(
                        "Kafka Connect at " + uri + " answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(
                    "cannot ask Kafka Connect at " + uri + " (" + e + "): check --connect-url", e);
        }
    }
}
