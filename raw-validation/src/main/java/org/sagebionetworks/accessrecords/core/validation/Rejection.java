package org.sagebionetworks.accessrecords.core.validation;

/**
 * A raw record that cannot become a row, with the offending field (a dotted path such as
 * {@code payload.timestamp}, or null when the record as a whole is at fault) and a detail for people.
 */
public record Rejection(RejectionReason reason, String field, String detail) {

    public static Rejection ofRecord(RejectionReason reason, String detail) {
        return new Rejection(reason, null, detail);
    }

    public static Rejection ofField(RejectionReason reason, String field, String detail) {
        return new Rejection(reason, field, detail);
    }

    /** A record of {@code bytes} bytes where at most {@code limit} are allowed. */
    public static Rejection tooLarge(long bytes, int limit) {
        return ofRecord(RejectionReason.TOO_LARGE, bytes + " bytes, over the limit of " + limit);
    }

    /** One line for logs and dead-letter headers, e.g. {@code MISSING_FIELD payload.sessionId: absent}. */
    public String message() {
        return field == null ? reason + ": " + detail : reason + " " + field + ": " + detail;
    }
}
