package org.sagebionetworks.accessrecords.deploy;

import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A release of Confluent's S3 sink and the two behaviours of it the pipeline's configuration relies on, as its
 * release history has them (the platform facts in {@code /work/shared/reference}).
 */
record ConfluentS3SinkVersion(int major, int minor, int patch) implements Comparable<ConfluentS3SinkVersion> {

    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)");
    private static final Comparator<ConfluentS3SinkVersion> ORDER = Comparator.comparingInt(
                    ConfluentS3SinkVersion::major)
            .thenComparingInt(ConfluentS3SinkVersion::minor)
            .thenComparingInt(ConfluentS3SinkVersion::patch);

    static ConfluentS3SinkVersion parse(String text) {
        Matcher matcher = VERSION.matcher(text);
        if (!matcher.matches()) {
            throw new AssertionError("not a version: " + text);
        }
        return new ConfluentS3SinkVersion(
                Integer.parseInt(matcher.group(1)),
                Integer.parseInt(matcher.group(2)),
                Integer.parseInt(matcher.group(3)));
    }

    /**
     * With {@code rotate.interval.ms} set, a record for another day commits the open files: 10.6.3 and later 10.x,
     * 11.x and 12.x. Up to 10.0.37 a file stays open across the day change until the interval passes.
     */
    boolean rotatesOnADayChange() {
        return major == 10 ? compareTo(parse("10.6.3")) >= 0 : major == 11 || major == 12;
    }

    /** {@code report.null.values.to.dlq=false} exists from 10.0.33, 10.5.16, 10.6.0 and in 11.x and 12.x. */
    boolean canStopReportingNulls() {
        if (major == 10) {
            return minor >= 6 || (minor == 5 && patch >= 16) || (minor == 0 && patch >= 33);
        }
        return major == 11 || major == 12;
    }

    @Override
    public int compareTo(ConfluentS3SinkVersion other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
