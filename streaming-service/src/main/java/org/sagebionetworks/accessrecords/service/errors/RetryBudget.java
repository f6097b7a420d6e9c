package org.sagebionetworks.accessrecords.service.errors;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * How many stream threads may be replaced within a sliding window. A retriable failure that keeps coming back is
 * not transient after all; the budget turns it into a stop instead of a partition that stalls forever.
 */
public final class RetryBudget {

    private final int replacements;
    private final Duration window;
    private final Clock clock;
    private final Deque<Instant> spent = new ArrayDeque<>();

    public RetryBudget(int replacements, Duration window, Clock clock) {
        this.replacements = replacements;
        this.window = window;
        this.clock = clock;
    }

    /** Spends one replacement if the window has one left; false when the budget is exhausted. */
    public synchronized boolean trySpend() {
        Instant now = clock.instant();
        while (!spent.isEmpty() && !spent.peekFirst().isAfter(now.minus(window))) {
            spent.removeFirst();
        }
        if (spent.size() >= replacements) {
            return false;
        }
        spent.addLast(now);
        return true;
    }

    /** Replacements spent within the current window, for the log. */
    public synchronized int spent() {
        return spent.size();
    }

    @Override
    public String toString() {
        return replacements + " thread replacements within " + window;
    }
}
