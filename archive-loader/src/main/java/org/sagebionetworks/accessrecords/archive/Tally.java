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
        /** Request time before --since: the live stream delivered it before its gap. */
        BEFORE_SINCE,
        /** Request time at or after the cutover: the live stream has it. */
        AFTER_CUTOVER,
        /** Request time that an earlier load of another range already published from this object. */
        ALREADY_LOADED
    }

    private final long[] counts = new long[Fate.values().length];

    Tally() {}

    /** The counter of each fate under its name in JSON ({@code published}, {@code dead_lettered}, ...). */
    static String jsonName(Fate fate) {
        return fate.name().toLowerCase(java.util.Locale.ROOT);
    }

    void count(Fate fate) {
        counts[fate.ordinal()]++;
    }

    void set(Fate fate, long count) {
        counts[fate.ordinal()] = count;
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
