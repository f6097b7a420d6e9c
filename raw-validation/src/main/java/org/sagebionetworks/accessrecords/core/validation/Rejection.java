package org.sagebionetworks.accessrecords.core.validation;

import java.util.Objects;

/**
 * A raw record that cannot become a row, with the offending field (a dotted path such as
 * {@code payload.timestamp}, or null when the record as a whole is at fault) and a detail for people. A value:
 * equal when all three are.
 */
public final class Rejection {

    private final RejectionReason reason;
    private final String field;
    private final String detail;

    public Rejection(RejectionReason reason, String field, String detail) {
        this.reason = reason;
        this.field = field;
        this.detail = detail;
    }

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

    public RejectionReason reason() {
        return reason;
    }

    public String field() {
        return field;
    }

    public String detail() {
        return detail;
    }

    /** One line for logs and dead-letter headers, e.g. {@code MISSING_FIELD payload.sessionId: absent}. */
    public String message() {
        return field == null ? reason + ": " + detail : reason + " " + field + ": " + detail;
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof Rejection)) {
            return false;
        }
        Rejection that = (Rejection) other;
        return reason == that.reason && Objects.equals(field, that.field) && Objects.equals(detail, that.detail);
    }

    @Override
    public int hashCode() {
        return Objects.hash(reason, field, detail);
    }

    @Override
    public String toString() {
        return "Rejection[reason=" + reason + ", field=" + field + ", detail=" + detail + "]";
    }
}
