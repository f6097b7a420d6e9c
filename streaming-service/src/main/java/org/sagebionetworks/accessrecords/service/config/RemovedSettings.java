package org.sagebionetworks.accessrecords.service.config;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.env.Environment;
import java.util.List;
import java.util.function.Predicate;

/**
 * Settings the service no longer has, refused at startup with what replaced them. Micronaut ignores a property
 * nobody reads, so without this check a deployment that still sets one (in its environment or Terraform) would
 * start without the behaviour its operators expect. Created with the context, before anything connects to Kafka.
 */
@Context
public final class RemovedSettings {

    private static final String ERROR_POLICY = "removed: a record the broker refuses, or one that cannot be "
            + "read back, now always stops the service (health DOWN, the reason in the log) instead of being skipped, "
            + "because skipping dropped the record with only a log line. See the failure policy in docs/service.md. "
            + "Remove the setting.";

    /** A removed property, its environment variable and why it is gone. */
    private record Removed(String property, String environmentVariable, String why) {
        @Override
        public String toString() {
            return property + " (env " + environmentVariable + ") was " + why;
        }
    }

    private static final List<Removed> REMOVED = List.of(
            new Removed("access-records.production-errors", "ACCESS_RECORDS_PRODUCTION_ERRORS", ERROR_POLICY),
            new Removed(
                    "access-records.deserialization-errors", "ACCESS_RECORDS_DESERIALIZATION_ERRORS", ERROR_POLICY));

    RemovedSettings(Environment environment) {
        check(environment::containsProperty);
    }

    /** Throws, naming every removed setting that is still set, when there is any. */
    static void check(Predicate<String> isSet) {
        List<String> stillSet = REMOVED.stream()
                .filter(removed -> isSet.test(removed.property()))
                .map(Removed::toString)
                .toList();
        if (!stillSet.isEmpty()) {
            throw new IllegalStateException(String.join(" ", stillSet));
        }
    }
}
