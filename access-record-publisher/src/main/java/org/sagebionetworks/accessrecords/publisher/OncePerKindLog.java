package org.sagebionetworks.accessrecords.publisher;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;

/**
 * Warns the first time each kind of problem occurs and stays silent after that: an outage or a producer bug in the
 * host repeats the same problem thousands of times a second, and the counters already say how often. The record
 * itself is never logged, since access records carry user ids and IP addresses.
 */
final class OncePerKindLog {

    private final Logger logger;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    OncePerKindLog(Logger logger) {
        this.logger = logger;
    }

    void warn(String kind, Supplier<String> detail) {
        if (seen.add(kind)) {
            logger.warn(
                    "{}: {} (logged once; later occurrences are only counted in the publisher's stats)",
                    kind,
                    detail.get());
        }
    }
}
