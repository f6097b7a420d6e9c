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

    /** One line for logs and dead-letter headers, e.g. {@code MISSING_FIELD payload.sessionId: absent}. */
    public String message() {
        return field == null ? reason + ": " + detail : reason + " " + field + ": " + detail;
    }
}
