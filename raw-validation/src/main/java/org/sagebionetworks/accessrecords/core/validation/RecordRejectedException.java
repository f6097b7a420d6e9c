package org.sagebionetworks.accessrecords.core.validation;

/** Unwinds the parser on the first problem; never leaves this package, and skips the costly stack trace. */
final class RecordRejectedException extends Exception {

    private final transient Rejection rejection;

    RecordRejectedException(Rejection rejection) {
        super(rejection.message(), null, false, false);
        this.rejection = rejection;
    }

    Rejection rejection() {
        return rejection;
    }
}
