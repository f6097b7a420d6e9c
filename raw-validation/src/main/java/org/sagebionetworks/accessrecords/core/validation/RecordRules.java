package org.sagebionetworks.accessrecords.core.validation;

import java.time.Instant;
import org.sagebionetworks.accessrecords.schema.RawAccessRecord;

/**
 * The checks a well-typed record must still pass: values no real Synapse call can produce. The bounds are
 * fixed, not relative to the clock, so replaying old data gives the same verdicts as the first run.
 */
public final class RecordRules {

    /** Synapse's first access records are from 2011; earlier times are seconds mistaken for milliseconds. */
    public static final Instant EARLIEST_TIMESTAMP = Instant.parse("2010-01-01T00:00:00Z");

    public static final Instant LATEST_TIMESTAMP = Instant.parse("2100-01-01T00:00:00Z");
    /** Synapse writes a 36-character UUID; the room above that is for other producers' ids. */
    public static final int MAX_SESSION_ID_LENGTH = 128;

    public static final int MAX_METHOD_LENGTH = 32;
    /** Synapse's servers refuse request lines far shorter than this. */
    public static final int MAX_REQUEST_URL_LENGTH = 65_536;

    private RecordRules() {}

    /** The first rule the payload breaks, or null when it breaks none. */
    static Rejection firstViolation(RawAccessRecord payload) {
        return firstViolation(
                payload.getTimestamp(),
                payload.getSessionId(),
                payload.getMethod(),
                payload.getRequestURL().length());
    }

    /** The same rules on the values themselves, for a record read without building it. */
    public static Rejection firstViolation(long timestamp, String sessionId, String method, int requestUrlLength) {
        if (timestamp < EARLIEST_TIMESTAMP.toEpochMilli() || timestamp >= LATEST_TIMESTAMP.toEpochMilli()) {
            return absurd(
                    "payload.timestamp",
                    timestamp + " is outside [" + EARLIEST_TIMESTAMP + ", " + LATEST_TIMESTAMP + ")");
        }
        Rejection sessionIdViolation = boundedText("payload.sessionId", sessionId, MAX_SESSION_ID_LENGTH);
        if (sessionIdViolation != null) {
            return sessionIdViolation;
        }
        Rejection methodViolation = boundedText("payload.method", method, MAX_METHOD_LENGTH);
        if (methodViolation != null) {
            return methodViolation;
        }
        if (requestUrlLength > MAX_REQUEST_URL_LENGTH) {
            return absurd("payload.requestURL", requestUrlLength + " characters, over " + MAX_REQUEST_URL_LENGTH);
        }
        return null;
    }

    private static Rejection boundedText(String field, String value, int maxLength) {
        if (value.isBlank()) {
            return absurd(field, "blank");
        }
        if (value.length() > maxLength) {
            return absurd(field, value.length() + " characters, over " + maxLength);
        }
        return null;
    }

    private static Rejection absurd(String field, String detail) {
        return Rejection.ofField(RejectionReason.ABSURD_VALUE, field, detail);
    }
}
