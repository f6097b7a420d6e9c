package org.sagebionetworks.accessrecords.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class EventTimeSpreadTest {

    private static final long START = 1_700_000_000_000L;
    private static final long DAY = 86_400_000L;

    @Test
    void spreadsTheRecordsOverExactlyTheSpanWithTheLastOneStepBeforeItsEnd() {
        EventTimeSpread spread = new EventTimeSpread(START, Duration.ofHours(24), 10_000_000);

        assertThat(spread.millisAt(0)).isEqualTo(START);
        assertThat(spread.millisAt(5_000_000)).isEqualTo(START + DAY / 2);
        assertThat(spread.millisAt(9_999_999)).isEqualTo(START + DAY - 9);
        assertThat(spread.stepMillis()).isEqualTo(8.64);
    }

    @Test
    void keepsTheFractionOfAStepThatAWholeMillisecondGapWouldLose() {
        EventTimeSpread spread = new EventTimeSpread(START, Duration.ofHours(24), 1_000_000);

        assertThat(spread.millisAt(999_999)).isEqualTo(START + DAY - 87);
        assertThat(spread.millisAt(10)).isEqualTo(START + 864);
    }

    @Test
    void refusesAnEmptySpan() {
        assertThatThrownBy(() -> new EventTimeSpread(START, Duration.ZERO, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("positive span");
    }
}
