package org.sagebionetworks.accessrecords.replay;

import java.time.Instant;
import org.apache.kafka.clients.admin.OffsetSpec;

/**
 * Where in the raw topic a replay starts: its beginning, or in each partition the first record whose timestamp is
 * at or after a time. Raw records carry their request time as timestamp (Synapse's publisher and the archive
 * loader both stamp them so), so a time means "requests from then on", up to records appended later with older
 * timestamps (an archive load after that point), which come after the position and are replayed too.
 *
 * @param time null for the beginning of the topic
 */
record StartingPoint(Instant time) {

    static StartingPoint earliest() {
        return new StartingPoint(null);
    }

    static StartingPoint at(Instant time) {
        return new StartingPoint(time);
    }

    OffsetSpec offsetSpec() {
        return time == null ? OffsetSpec.earliest() : OffsetSpec.forTimestamp(time.toEpochMilli());
    }

    @Override
    public String toString() {
        return time == null ? "the earliest record" : "the first record at or after " + time;
    }
}
