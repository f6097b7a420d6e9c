package org.sagebionetworks.accessrecords.sink.partition;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.apache.kafka.common.config.ConfigException;

/**
 * The partition folder of a record time, from the Joda pattern Confluent's TimeBasedPartitioner takes. Only the
 * date fields of a UTC day are needed here; Joda's {@code Y} (year of era) is java.time's {@code u}, not its
 * {@code Y} (week-based year), which would put the last days of December in the next year.
 */
public final class DayPath {

    private static final String DATE_LETTERS = "YMd";

    private final DateTimeFormatter formatter;

    public DayPath(String jodaPattern) {
        this.formatter = DateTimeFormatter.ofPattern(toJavaTime(jodaPattern)).withZone(ZoneOffset.UTC);
    }

    public String of(long epochMillis) {
        return formatter.format(Instant.ofEpochMilli(epochMillis));
    }

    private static String toJavaTime(String joda) {
        StringBuilder out = new StringBuilder();
        boolean quoted = false;
        for (char c : joda.toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && Character.isLetter(c) && DATE_LETTERS.indexOf(c) < 0) {
                throw new ConfigException("path.format", joda, "only the date fields Y, M and d are supported");
            }
            out.append(!quoted && c == 'Y' ? 'u' : c);
        }
        return out.toString();
    }
}
