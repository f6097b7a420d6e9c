package org.sagebionetworks.accessrecords.reconcile;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A record day on the command line: {@code 2026-11-03}, or {@code today-N}, N UTC days before today, so that a
 * schedule with fixed arguments reconciles the days just past.
 */
final class DayConverter implements ITypeConverter<LocalDate> {

    private static final Pattern RELATIVE = Pattern.compile("today-(\\d{1,4})");

    private final Clock clock;

    DayConverter() {
        this(Clock.systemUTC());
    }

    DayConverter(Clock clock) {
        this.clock = clock;
    }

    @Override
    public LocalDate convert(String value) {
        Matcher relative = RELATIVE.matcher(value);
        if (relative.matches()) {
            return LocalDate.now(clock).minusDays(Long.parseLong(relative.group(1)));
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new TypeConversionException("not a day: '" + value + "' (YYYY-MM-DD, or today-N for N days ago)");
        }
    }
}
