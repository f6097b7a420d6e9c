package org.sagebionetworks.accessrecords.service.config;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long a topic must keep its records: {@code forever}, or a length such as {@code 7d}, {@code 36h}. The service
 * creates topics with it and refuses to start when an existing topic would delete records sooner.
 */
public record Retention(Optional<Duration> length) {

    public static final Retention FOREVER = new Retention(Optional.empty());

    private static final Pattern LENGTH = Pattern.compile("([1-9][0-9]{0,8})(ms|s|m|h|d)");
    private static final Map<String, Duration> UNITS = Map.of(
            "ms", Duration.ofMillis(1),
            "s", Duration.ofSeconds(1),
            "m", Duration.ofMinutes(1),
            "h", Duration.ofHours(1),
            "d", Duration.ofDays(1));

    /** Parses {@code forever} or a positive whole number of ms, s, m, h or d; {@code property} names the setting. */
    public static Retention parse(String property, String value) {
        if ("forever".equals(value)) {
            return FOREVER;
        }
        Matcher matcher = LENGTH.matcher(value == null ? "" : value);
        if (!matcher.matches()) {
            throw new IllegalArgumentException(
                    property + " is 'forever' or a length such as 7d, 36h or 90m, not '" + value + "'");
        }
        return new Retention(Optional.of(UNITS.get(matcher.group(2)).multipliedBy(Long.parseLong(matcher.group(1)))));
    }

    /** Kafka's {@code retention.ms}: -1 keeps records forever. */
    public long millis() {
        return length.map(Duration::toMillis).orElse(-1L);
    }

    /** Whether a topic with this {@code retention.ms} keeps every record at least as long as promised. */
    public boolean keptBy(long retentionMs) {
        return retentionMs < 0
                || length.map(promised -> retentionMs >= promised.toMillis()).orElse(false);
    }

    @Override
    public String toString() {
        return length.map(Duration::toString).orElse("forever");
    }
}
