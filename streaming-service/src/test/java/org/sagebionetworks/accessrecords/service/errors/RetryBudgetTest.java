package org.sagebionetworks.accessrecords.service.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RetryBudgetTest {

    private final MutableClock clock = new MutableClock();
    private final RetryBudget budget = new RetryBudget(3, Duration.ofMinutes(10), clock);

    @Test
    void allowsAsManyReplacementsAsTheWindowHoldsAndNoMore() {
        assertThat(budget.trySpend()).isTrue();
        assertThat(budget.trySpend()).isTrue();
        assertThat(budget.trySpend()).isTrue();

        assertThat(budget.trySpend()).isFalse();
        assertThat(budget.spent()).isEqualTo(3);
    }

    @Test
    void aReplacementOlderThanTheWindowIsGivenBack() {
        budget.trySpend();
        clock.advance(Duration.ofMinutes(4));
        budget.trySpend();
        budget.trySpend();
        assertThat(budget.trySpend()).isFalse();

        clock.advance(Duration.ofMinutes(6));

        assertThat(budget.trySpend()).as("the first one is 10 minutes old").isTrue();
        assertThat(budget.trySpend()).isFalse();
    }

    @Test
    void aBudgetOfZeroNeverReplaces() {
        assertThat(new RetryBudget(0, Duration.ofMinutes(10), clock).trySpend()).isFalse();
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-11-23T10:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
