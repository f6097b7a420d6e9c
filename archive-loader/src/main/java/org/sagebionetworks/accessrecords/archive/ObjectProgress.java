package org.sagebionetworks.accessrecords.archive;

import java.util.ArrayList;
import java.util.List;

/**
 * Every load of one object, whatever range it was run for: the value of the progress topic, keyed by the object's
 * URI alone, so that any run learns what every earlier run published from the object. One record per object,
 * written by one loader at a time (they share a transactional id, see {@link ArchivePublisher}).
 */
record ObjectProgress(String object, List<ObjectLoad> loads) {

    ObjectProgress {
        loads = List.copyOf(loads);
    }

    static ObjectProgress none(ArchiveObject object) {
        return new ObjectProgress(object.uri(), List.of());
    }

    /** The load of exactly this window (an earlier, interrupted run of the same range), or null. */
    ObjectLoad loadOf(RequestWindow window) {
        return loads.stream()
                .filter(load -> load.window().equals(window))
                .findFirst()
                .orElse(null);
    }

    /** Whether finished loads of this version already published every request time of {@code window}. */
    boolean covers(RequestWindow window, String etag) {
        return window.coveredBy(loads.stream()
                .filter(load -> load.done() && load.readVersion(etag))
                .map(ObjectLoad::window)
                .toList());
    }

    /** Loads of other windows that handled some of {@code window} in this version: their records are not repeated. */
    List<ObjectLoad> earlierLoads(RequestWindow window, String etag) {
        return loads.stream()
                .filter(load ->
                        !load.window().equals(window) && load.window().overlaps(window) && load.readVersion(etag))
                .toList();
    }

    /** Loads of {@code window}'s request times that read another version of the object than {@code etag}. */
    List<ObjectLoad> otherVersions(RequestWindow window, String etag) {
        return loads.stream()
                .filter(load -> load.window().overlaps(window) && !load.readVersion(etag))
                .toList();
    }

    ObjectProgress without(List<ObjectLoad> forgotten) {
        return new ObjectProgress(
                object, loads.stream().filter(load -> !forgotten.contains(load)).toList());
    }

    /** With {@code load} in place of the earlier state of the same window. */
    ObjectProgress with(ObjectLoad load) {
        List<ObjectLoad> next = new ArrayList<>(
                loads.stream().filter(l -> !l.window().equals(load.window())).toList());
        next.add(load);
        return new ObjectProgress(object, next);
    }
}
