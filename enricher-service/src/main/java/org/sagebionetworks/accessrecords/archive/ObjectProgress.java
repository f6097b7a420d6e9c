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
        Instant cutover) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static ObjectProgress start(ArchiveObject object, LoadRange range) {
        return new ObjectProgress(object.uri(), range.id(), object.etag(), 0, false, new Tally(), range.cutover());
    }

    /** The range is part of the key: an object read as an extra day of one range is still read for its own. */
    static String key(LoadRange range, ArchiveObject object) {
        return range.id() + " " + object.uri();
    }

    /** This object's progress after {@code lines} lines, with {@code more} fates added to the tally. */
    ObjectProgress advance(long lines, boolean done, Tally more) {
        return new ObjectProgress(object, range, etag, lines, done, tally.copy().add(more), cutover);
    }

    byte[] toJson() {
        ObjectNode node = JSON.createObjectNode()
                .put("object", object).put("range", range).put("etag", etag).put("lines", lines).put("done", done)
                .put("published", tally.get(Fate.PUBLISHED)).put("dead_lettered", tally.get(Fate.DEAD_LETTERED))
                .put("outside_range", tally.get(Fate.OUTSIDE_RANGE)).put("after_cutover", tally.get(Fate.AFTER_CUTOVER))
                .put("cutover", cutover == null ? null : cutover.toString())
                .put("written_at", Instant.now().toString());
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }

    static ObjectProgress fromJson(byte[] bytes) {
        try {
            JsonNode node = JSON.readTree(bytes);
            Tally tally = new Tally(node.get("published").asLong(), node.get("dead_lettered").asLong(),
                    node.get("outside_range").asLong(), node.get("after_cutover").asLong());
            JsonNode cutover = node.get("cutover");
            return new ObjectProgress(node.get("object").asText(), node.get("range").asText(),
                    node.get("etag").asText(null), node.get("lines").asLong(), node.get("done").asBoolean(), tally,
                    cutover == null || cutover.isNull() ? null : Instant.parse(cutover.asText()));
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable progress record", e);
        }
    }
}
