package org.sagebionetworks.accessrecords.reconcile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The record day of a line that is not a valid record (an archive line or a dead letter's value), when it is
 * JSON with a numeric {@code payload.timestamp}; empty when it has none, so it is counted apart, not guessed.
 */
final class RecordTime {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RecordTime() {}

    static Optional<LocalDate> dayOf(byte[] line) {
        if (line == null) {
            return Optional.empty();
        }
        try {
            JsonNode timestamp = JSON.readTree(line).path("payload").path("timestamp");
            return timestamp.isIntegralNumber() ? Optional.of(RecordDays.dayOf(timestamp.asLong())) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
