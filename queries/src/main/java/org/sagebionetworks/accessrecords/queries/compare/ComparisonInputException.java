package org.sagebionetworks.accessrecords.queries.compare;

/** The tables cannot be compared as given: a folder, a day range or a file is not what the comparison needs. */
public final class ComparisonInputException extends RuntimeException {

    public ComparisonInputException(String message) {
        super(message);
    }

    public ComparisonInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
