package org.sagebionetworks.accessrecords.archive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.sagebionetworks.accessrecords.archive.Tally.Fate;

/**
 * How far a load got in one object, as committed with the records it covers: the first {@code lines} lines are
 * handled (published, dead-lettered or skipped, as the tally says); {@code done} once the object was read to its
 * end. The value of the progress topic, keyed by {@link #key}.
 */
record ObjectProgress(String object, String range, String etag, long lines, boolean done, Tally tally,
        Instant since, Instant cutover) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static ObjectProgress start(ArchiveObject object, LoadRange range) {
        return new ObjectProgress(object.uri(), range.id(), object.etag(), 0, false, new Tally(), range.since(),
                range.cutover());
    }

    /** The range is part of the key: an object read as an extra day of one range is still read for its own. */
    static String key(LoadRange range, ArchiveObject object) {
        return range.id() + " " + object.uri();
    }

    /** This object's progress after {@code lines} lines, with {@code more} fates added to the tally. */
    ObjectProgress advance(long lines, boolean done, Tally more) {
        return new ObjectProgress(object, range, etag, lines, done, tally.copy().add(more), since, cutover);
    }

    byte[] toJson() {
        ObjectNode node = JSON.createObjectNode()
                .put("object", object).put("range", range).put("etag", etag).put("lines", lines).put("done", done);
        for (Fate fate : Fate.values()) {
            node.put(Tally.jsonName(fate), tally.get(fate));
        }
        node.put("since", since == null ? null : since.toString())
                .put("cutover", cutover == null ? null : cutover.toString())
                .put("written_at", Instant.now().toString());
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }

    static ObjectProgress fromJson(byte[] bytes) {
        try {
            JsonNode node = JSON.readTree(bytes);
            Tally tally = new Tally();
            for (Fate fate : Fate.values()) {
                tally.set(fate, node.path(Tally.jsonName(fate)).asLong());
            }
            return new ObjectProgress(node.get("object").asText(), node.get("range").asText(),
                    node.get("etag").asText(null), node.get("lines").asLong(), node.get("done").asBoolean(), tally,
                    instant(node.get("since")), instant(node.get("cutover")));
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable progress record", e);
        }
    }

    private static Instant instant(JsonNode text) {
        return text == null || text.isNull() ? null : Instant.parse(text.asText());
    }
}
