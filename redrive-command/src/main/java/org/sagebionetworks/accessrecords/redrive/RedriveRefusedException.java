package org.sagebionetworks.accessrecords.redrive;

/** The run would do harm or cannot do what was asked; the message says why and what to do instead. */
final class RedriveRefusedException extends RuntimeException {

    RedriveRefusedException(String message) {
        super(message);
    }
}
