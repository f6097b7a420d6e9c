package org.sagebionetworks.accessrecords.toolsupport;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;

/** A time on the command line: ISO-8601 with an offset, {@code 2026-11-01T00:00:00Z} or {@code ...+01:00}. */
public final class IsoInstantConverter implements ITypeConverter<Instant> {

    @Override
    public Instant convert(String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "not an ISO-8601 time with offset: '" + value + "' (e.g. 2026-11-01T00:00:00Z)");
        }
    }
}
