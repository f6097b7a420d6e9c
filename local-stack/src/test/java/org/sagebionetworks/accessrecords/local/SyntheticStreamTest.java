package org.sagebionetworks.accessrecords.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sagebionetworks.accessrecords.core.AccessRecordEnricher;
import org.sagebionetworks.accessrecords.core.Outcome;
import org.sagebionetworks.accessrecords.core.Outcome.Accepted;
import org.sagebionetworks.accessrecords.schema.ProcessedAccessRecord;

/** The local stack's default input holds what real input holds, in the days the dashboards ask about. */
class SyntheticStreamTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    private final List<Outcome<ProcessedAccessRecord>> outcomes = enrich(SyntheticStream.bounded(5000, 3, NOW));

    @Test
    void aBoundedStreamHasExactlyTheLinesAskedFor() {
        assertThat(outcomes).hasSize(5000);
    }

    @Test
    void someLinesAreBrokenAndSomeRecordsComeTwice() {
        List<ProcessedAccessRecord> rows = rows();
        Set<String> sessions = new HashSet<>();
        long repeats =
                rows.stream().filter(row -> !sessions.add(row.getSessionId())).count();

        assertThat((long) outcomes.size() - rows.size()).as("broken lines").isBetween(10L, 50L);
        assertThat(repeats).as("producer retries").isBetween(40L, 200L);
    }

    @Test
    void aTenthIsAugust2023HistoryAndTheRestLiesInTheLastThreeDays() {
        LocalDate today = NOW.atZone(ZoneOffset.UTC).toLocalDate();
        List<LocalDate> days =
                rows().stream().map(ProcessedAccessRecord::getRecordDate).toList();

        assertThat(days.stream()
                        .filter(day -> day.getYear() == 2023 && day.getMonthValue() == 8)
                        .count())
                .isBetween(450L, 510L);
        assertThat(days).allMatch(day -> day.getYear() == 2023 || !day.isBefore(today.minusDays(3)));
    }

    private List<ProcessedAccessRecord> rows() {
        return outcomes.stream()
                .filter(Accepted.class::isInstance)
                .map(outcome -> ((Accepted<ProcessedAccessRecord>) outcome).value())
                .toList();
    }

    private static List<Outcome<ProcessedAccessRecord>> enrich(SyntheticStream stream) {
        AccessRecordEnricher core = new AccessRecordEnricher();
        List<Outcome<ProcessedAccessRecord>> outcomes = new ArrayList<>();
        stream.forEachRemaining(line -> outcomes.add(core.enrich(line.getBytes(StandardCharsets.UTF_8))));
        return outcomes;
    }
}
