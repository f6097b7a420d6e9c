package org.sagebionetworks.accessrecords.service.serving;

import java.time.Instant;
import java.util.Optional;

/**
 * The record times whose rows a pipeline version writes to the serving feed: from {@code from} (inclusive) until
 * {@code until} (exclusive), or on without end. Versions switch by handing over at one instant (the old one's
 * {@code until} is the new one's {@code from}), so every row is in exactly one version's window and a file-based
 * loader of the serving folder loads it once (docs/serving.md).
 */
public record ServingWindow(Instant from, Optional<Instant> until) {

    public ServingWindow {
        if (from == null || until == null) {
            throw new IllegalArgumentException("a serving window has a start, and an end or none");
        }
        if (until.isPresent() && !until.get().isAfter(from)) {
            throw new IllegalArgumentException(
                    "a serving window ends after it starts: from " + from + ", until " + until.get());
        }
    }

    /** Whether a row of this record time belongs to the window. */
    public boolean contains(Instant recordTime) {
        return !recordTime.isBefore(from) && until.map(recordTime::isBefore).orElse(true);
    }

    @Override
    public String toString() {
        return "[" + from + ", " + until.map(Instant::toString).orElse("no end") + ")";
    }
}
