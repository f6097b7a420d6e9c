package org.sagebionetworks.accessrecords.replay;

import java.util.List;

/** A replay that must not happen as asked; the message says why and what to do instead. Nothing was changed. */
final class ReplayRefusedException extends Exception {

    ReplayRefusedException(String message) {
        super(message);
    }

    /** Every reason at once, so one run shows all there is to fix. */
    static ReplayRefusedException of(List<String> reasons) {
        String joined = reasons.size() == 1 ? reasons.get(0) : "\n  - " + String.join("\n  - ", reasons) + "\n";
        return new ReplayRefusedException(joined + (reasons.size() == 1 ? " " : "") + "Nothing was changed.");
    }
}
