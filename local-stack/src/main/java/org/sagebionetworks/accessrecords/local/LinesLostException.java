package org.sagebionetworks.accessrecords.local;

/** Lines that reached neither the raw topic nor the dead-letter topic: the run stops rather than answer without them. */
final class LinesLostException extends RuntimeException {

    LinesLostException(String message, Throwable cause) {
        super(message, cause);
    }
}
