package org.sagebionetworks.accessrecords.archive;

/**
 * What became of the lines read: every line ends in exactly one of the fates, so nothing is lost unseen.
 * One tally per object (kept in its progress record) and one for the whole run.
 */
final class Tally {

    /** Where a line went. */
    enum Fate {
        /** To the raw topic. */
        PUBLISHED,
        /** Unparseable or invalid: to the dead-letter topic with the object and line number. */
        DEAD_LETTERED,
        /** Request time outside the load's days (found in one of the extra arrival days). */
        OUTSIDE_RANGE,
        /** Request time at or after the cutover: the live stream has it. */
        AFTER_CUTOVER
    }

    private final long[] counts = new long[Fate.values().length];

    Tally() {
    }

    Tally(long published, long deadLettered, long outsideRange, long afterCutover) {
        counts[Fate.PUBLISHED.ordinal()] = published;
        counts[Fate.DEAD_LETTERED.ordinal()] = deadLettered;
        counts[Fate.OUTSIDE_RANGE.ordinal()] = outsideRange;
        counts[Fate.AFTER_CUTOVER.ordinal()] = afterCutover;
    }

    void count(Fate fate) {
        counts[fate.ordinal()]++;
    }

    /** Adds {@code other}'s counts to this one's; returns this. */
    Tally add(Tally other) {
        for (int i = 0; i < counts.length; i++) {
            counts[i] += other.counts[i];
        }
        return this;
    }

    Tally copy() {
        return new Tally().add(this);
    }

    long get(Fate fate) {
        return counts[fate.ordinal()];
    }

    /** Lines read, which is the sum of the fates. */
    long lines() {
        long lines = 0;
        for (long count : counts) {
            lines += count;
        }
        return lines;
    }
}
