package org.sagebionetworks.accessrecords.core.enrichment;

/**
 * The Glue job's {@code (?i)(mozilla|safari|opera|lynx|ucweb|chrome|firefox)}, found by a scan instead of a
 * regex: this runs for every record and the regex was the costliest step of enrichment. Case-insensitive
 * comparison uses Java's per-character rule, which, like Python's, also matches the non-ASCII letters whose
 * simple case mapping is ASCII (the long s, the dotless and dotted i, the Kelvin sign).
 */
final class BrowserNames {

    private static final String[] NAMES = {"mozilla", "safari", "opera", "lynx", "ucweb", "chrome", "firefox"};
    private static final String ASCII_FIRST_LETTERS = "msolucf";

    private BrowserNames() {}

    /** The end index of the leftmost browser name at or after {@code from}, or -1. */
    static int findEnd(String userAgent, int from) {
        for (int i = from; i < userAgent.length(); i++) {
            int end = matchEndAt(userAgent, i);
            if (end >= 0) {
                return end;
            }
        }
        return -1;
    }

    /** The end index of a browser name starting exactly at {@code at}, or -1. */
    static int matchEndAt(String userAgent, int at) {
        char c = userAgent.charAt(at);
        if (c < 0x80 && ASCII_FIRST_LETTERS.indexOf(c | 0x20) < 0) {
            return -1;
        }
        for (String name : NAMES) {
            if (userAgent.regionMatches(true, at, name, 0, name.length())) {
                return at + name.length();
            }
        }
        return -1;
    }
}
