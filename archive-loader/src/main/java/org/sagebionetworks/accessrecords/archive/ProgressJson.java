package org.sagebionetworks.accessrecords.archive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.sagebionetworks.accessrecords.archive.Tally.Fate;

/**
 * The progress topic's values. Current: one record per object with its {@code loads}. Earlier loaders wrote one
 * record per range and object ({@code range}, {@code lines}, {@code done}, {@code since}, {@code cutover}); those
 * are still read, each as the load of its range's window, so deployments keep what they loaded.
 */
final class ProgressJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ProgressJson() {}

    static byte[] write(ObjectProgress progress) {
        ObjectNode root = JSON.createObjectNode().put("object", progress.object());
        ArrayNode loads = root.putArray("loads");
        for (ObjectLoad load : progress.loads()) {
            ObjectNode node = loads.addObject()
                    .put("run", load.run())
                    .put("from", Instant.ofEpochMilli(load.window().start()).toString())
                    .put("until", until(load.window()))
                    .put("etag", load.etag())
                    .put("lines", load.lines())
                    .put("done", load.done());
            for (Fate fate : Fate.values()) {
                node.put(Tally.jsonName(fate), load.tally().get(fate));
            }
            node.put(
                    "written_at",
                    load.writtenAt() == null ? null : load.writtenAt().toString());
        }
        return root.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A record of the current form (null if {@code node} is of the earlier form). */
    static ObjectProgress read(JsonNode node) {
        if (!node.has("loads")) {
            return null;
        }
        List<ObjectLoad> loads = new ArrayList<>();
        for (JsonNode load : node.get("loads")) {
            loads.add(new ObjectLoad(
                    load.get("run").asText(),
                    new RequestWindow(millis(load.get("from")), endMillis(load.get("until"))),
                    load.path("etag").asText(null),
                    load.get("lines").asLong(),
                    load.get("done").asBoolean(),
                    tally(load),
                    instant(load.get("written_at"))));
        }
        return new ObjectProgress(node.get("object").asText(), loads);
    }

    /** A record of the earlier, per-range form, as the load of its range's window. */
    static ObjectLoad readLegacy(JsonNode node) {
        String[] days = node.get("range").asText().split("\\.\\.");
        LoadRange range = new LoadRange(
                LocalDate.parse(days[0]),
                LocalDate.parse(days[1]),
                instant(node.get("since")),
                instant(node.get("cutover")));
        return new ObjectLoad(
                range.label(),
                range.window(),
                node.path("etag").asText(null),
                node.get("lines").asLong(),
                node.get("done").asBoolean(),
                tally(node),
                instant(node.get("written_at")));
    }

    static JsonNode parse(byte[] value) {
        try {
            return JSON.readTree(value);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable progress record", e);
        }
    }

    private static Tally tally(JsonNode node) {
        Tally tally = new Tally();
        for (Fate fate : Fate.values()) {
            tally.set(fate, node.path(Tally.jsonName(fate)).asLong());
        }
        return tally;
    }

    /** Null for an open-ended window (follow mode). */
    private static String until(RequestWindow window) {
        return window.end() == RequestWindow.OPEN_END
                ? null
                : Instant.ofEpochMilli(window.end()).toString();
    }

    private static long endMillis(JsonNode text) {
        return text == null || text.isNull() ? RequestWindow.OPEN_END : millis(text);
    }

    private static long millis(JsonNode text) {
        return Instant.parse(text.asText()).toEpochMilli();
    }

    private static Instant instant(JsonNode text) {
        return text == null || text.isNull() ? null : Instant.parse(text.asText());
    }
}
