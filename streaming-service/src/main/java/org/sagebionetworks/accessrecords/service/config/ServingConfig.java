package org.sagebionetworks.accessrecords.service.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.sagebionetworks.accessrecords.schema.SharedNames;
import org.sagebionetworks.accessrecords.service.serving.ServingWindow;

/**
 * {@code access-records.serving.*}: whether this version feeds the folder today's loaders read, and for which
 * record times (docs/serving.md). Unset, the version writes only its own processed topic: a replay, or a shadow run
 * before the cutover.
 *
 * @param from  the first record time (ISO-8601 instant, e.g. {@code 2026-12-01T00:00:00Z}) whose rows this version
 *              also writes to the serving topic
 * @param until the first record time it no longer serves: the next version's {@code from}. Unset: no end
 * @param topic the serving topic; the S3 sink names the folder after it, so it is the table's name
 */
@ConfigurationProperties("access-records.serving")
public record ServingConfig(
        @Nullable String from,
        @Nullable String until,

        @Bindable(defaultValue = SharedNames.SERVING_TOPIC)
        @Pattern(regexp = PipelineConfig.KAFKA_NAME, message = PipelineConfig.KAFKA_NAME_RULE)
        String topic) {

    /** A version that does not serve. */
    public static final ServingConfig NONE = new ServingConfig(null, null, SharedNames.SERVING_TOPIC);

    private static final String FROM = "access-records.serving.from (env ACCESS_RECORDS_SERVING_FROM)";
    private static final String UNTIL = "access-records.serving.until (env ACCESS_RECORDS_SERVING_UNTIL)";

    public ServingConfig {
        if (from == null && until != null) {
            throw new IllegalArgumentException(UNTIL + " is set but " + FROM + " is not: a version serves from an "
                    + "instant, so set both (the handover instant as the old version's until and the new one's from)");
        }
        if (from != null) {
            windowOf(from, until);
        }
    }

    /** The window this version serves, or empty when it does not serve. */
    public Optional<ServingWindow> window() {
        return from == null ? Optional.empty() : Optional.of(windowOf(from, until));
    }

    private static ServingWindow windowOf(String from, String until) {
        Instant start = instant(FROM, from);
        Optional<Instant> end = until == null ? Optional.empty() : Optional.of(instant(UNTIL, until));
        try {
            return new ServingWindow(start, end);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(UNTIL + " must be later than " + FROM + ": " + e.getMessage());
        }
    }

    private static Instant instant(String property, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    property + " is an ISO-8601 instant in UTC such as " + "2026-12-01T00:00:00Z, not '" + value + "'");
        }
    }
}
