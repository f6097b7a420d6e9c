package org.sagebionetworks.accessrecords.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class DayConverterTest {

    /** 00:30 UTC: still the previous day in the Americas, where a local-time reading would go wrong. */
    private final DayConverter converter =
            new DayConverter(Clock.fixed(Instant.parse("2026-11-03T00:30:00Z"), ZoneOffset.UTC));

    @Test
    void readsADay() {
        assertThat(converter.convert("2023-11-14")).isEqualTo(LocalDate.of(2023, 11, 14));
    }

    @Test
    void countsDaysBackFromTodayInUtc() {
        assertThat(converter.convert("today-1")).isEqualTo(LocalDate.of(2026, 11, 2));
        assertThat(converter.convert("today-0")).isEqualTo(LocalDate.of(2026, 11, 3));
    }

    @Test
    void refusesAnythingElseSayingWhatItTakes() {
        assertThatThrownBy(() -> converter.convert("yesterday"))
                .isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("today-N");
    }
}
