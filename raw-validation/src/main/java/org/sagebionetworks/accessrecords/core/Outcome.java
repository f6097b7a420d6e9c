package org.sagebionetworks.accessrecords.core;

import org.sagebionetworks.accessrecords.core.validation.Rejection;

/**
 * What the core makes of one input: a value, or a rejection that says why. The core never throws on bad
 * input, so every caller decides explicitly what happens to a rejected record.
 */
public sealed interface Outcome<T> {

    static <T> Outcome<T> accepted(T value) {
        return new Accepted<>(value);
    }

    static <T> Outcome<T> rejected(Rejection rejection) {
        return new Rejected<>(rejection);
    }

    record Accepted<T>(T value) implements Outcome<T> {}

    record Rejected<T>(Rejection rejection) implements Outcome<T> {}
}
