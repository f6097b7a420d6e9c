package org.sagebionetworks.accessrecords.replay;

/** A replay that must not happen as asked; the message says why and what to do instead. Nothing was changed. */
final class ReplayRefusedException extends Exception {

    ReplayRefusedException(String message) {
        super(message);
    }
}
