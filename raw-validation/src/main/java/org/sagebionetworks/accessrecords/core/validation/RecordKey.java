package org.sagebionetworks.accessrecords.core.validation;

import java.util.Objects;

/**
 * What a valid raw record is published and deduplicated by: its session id and request time. A value (a class, not
 * a record: this module is built for Java 11).
 */
public final class RecordKey {

    private final String sessionId;
    private final long timestampMillis;

    public RecordKey(String sessionId, long timestampMillis) {
        this.sessionId = sessionId;
        this.timestampMillis = timestampMillis;
    }

    public String sessionId() {
        return sessionId;
    }

    public long timestampMillis() {
        return timestampMillis;
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof RecordKey)) {
            return false;
        }
        RecordKey that = (RecordKey) other;
        return sessionId.equals(that.sessionId) && timestampMillis == that.timestampMillis;
    }

    @Override
    public int hashCode() {
        return Objects.hash(sessionId, timestampMillis);
    }

    @Override
    public String toString() {
        return "RecordKey[sessionId=" + sessionId + ", timestampMillis=" + timestampMillis + "]";
    }
}
