package org.sagebionetworks.accessrecords.archive;

import java.time.Instant;
import java.util.Objects;

/**
 * What one load did in one object: the run (named by its options, as {@link LoadRange#label()}) that publishes
 * the request times {@code window} from the object's version {@code etag}; its first {@code lines} lines are
 * handled (published, dead-lettered or skipped, as the tally says), all of them once {@code done}.
 *
 * @param etag null only in progress written before ETags were kept: then any version matches
 */
record ObjectLoad(
        String run, RequestWindow window, String etag, long lines, boolean done, Tally tally, Instant writtenAt) {

    static ObjectLoad start(LoadRange range, ArchiveObject object) {
        return new ObjectLoad(range.label(), range.window(), object.etag(), 0, false, new Tally(), null);
    }

    /** This load after {@code lines} lines, with {@code more} fates added to the tally. */
    ObjectLoad advance(long lines, boolean done, Tally more) {
        return new ObjectLoad(run, window, etag, lines, done, tally.copy().add(more), Instant.now());
    }

    /** Whether this load has already handled the record on {@code lineNumber}, from this request time. */
    boolean handled(long lineNumber, long requestMillis) {
        return window.contains(requestMillis) && (done || lineNumber <= lines);
    }

    /** Whether its line numbers count the lines of the object's version {@code otherEtag}. */
    boolean readVersion(String otherEtag) {
        return etag == null || otherEtag == null || Objects.equals(etag, otherEtag);
    }
}
