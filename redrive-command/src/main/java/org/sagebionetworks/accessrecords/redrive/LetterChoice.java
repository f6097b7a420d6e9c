package org.sagebionetworks.accessrecords.redrive;

import java.time.Instant;
import java.util.Set;

/**
 * Which letters a run redrives: by reason, by when they were dead-lettered (the letter's own timestamp, which the
 * service and the loader set when they write it), and by source topic. An empty criterion chooses every letter.
 */
record LetterChoice(Set<String> reasons, Instant from, Instant to, String sourceTopic) {

    LetterChoice {
        reasons = Set.copyOf(reasons);
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("--from " + from + " must be before --to " + to);
        }
    }

    boolean chooses(Letter letter) {
        long time = letter.record().timestamp();
        return (reasons.isEmpty() || reasons.contains(letter.reason()))
                && (from == null || time >= from.toEpochMilli())
                && (to == null || time < to.toEpochMilli())
                && (sourceTopic == null || sourceTopic.equals(letter.sourceTopic()));
    }
}
