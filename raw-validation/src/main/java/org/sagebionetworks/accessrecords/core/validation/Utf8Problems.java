package org.sagebionetworks.accessrecords.core.validation;

/**
 * Words for the spot where {@link Utf8Text} found a line not to be UTF-8 text: which bytes, what is wrong with
 * them and at which byte of the line, so a dead letter says enough to find the producer's mistake.
 */
final class Utf8Problems {

    private static final String NOT_UTF8 = "not UTF-8: ";
    private static final char[] HEX_DIGITS = "0123456789ABCDEF".toCharArray();

    private Utf8Problems() {}

    /** The problem starting at {@code bytes[at]}, which is byte {@code position} of the line. */
    static String describe(byte[] bytes, int at, int to, int position) {
        int lead = bytes[at] & 0xff;
        String where = " at byte " + position;
        if (lead == '\\') {
            return "unpaired surrogate escape " + Utf8Text.ascii(bytes, at, Utf8Text.ESCAPE_LENGTH) + where
                    + ": UTF-8 cannot encode half a pair";
        }
        if (lead == 0) {
            return NOT_UTF8 + "NUL byte" + where + " (UTF-16 or UTF-32 text?)";
        }
        if (lead == 0xc0 || lead == 0xc1) {
            return NOT_UTF8 + "overlong encoding " + hex(bytes, at, sequenceBytes(bytes, at, to, 2)) + where;
        }
        int length = Utf8Text.sequenceLength(lead);
        if (length == 0) {
            return NOT_UTF8 + "byte " + hex(bytes, at, 1) + where;
        }
        int present = sequenceBytes(bytes, at, to, length);
        return NOT_UTF8 + kind(bytes, at, lead, present) + hex(bytes, at, present) + where;
    }

    private static String kind(byte[] bytes, int at, int lead, int present) {
        if (present < 2) {
            return "incomplete sequence ";
        }
        int second = bytes[at + 1] & 0xff;
        if (second < Utf8Text.lowestSecondByte(lead)) {
            return "overlong encoding ";
        }
        if (second > Utf8Text.highestSecondByte(lead)) {
            return lead == 0xed ? "encoded surrogate " : "code point above U+10FFFF ";
        }
        return "incomplete sequence ";
    }

    /** The lead byte and the continuation bytes after it, at most {@code length} in all. */
    private static int sequenceBytes(byte[] bytes, int at, int to, int length) {
        int end = at + 1;
        while (end < to && end - at < length && Utf8Text.isContinuation(bytes[end])) {
            end++;
        }
        return end - at;
    }

    /** Upper-case hex, a space between bytes: {@code C0 80}. */
    private static String hex(byte[] bytes, int from, int length) {
        StringBuilder hex = new StringBuilder(3 * length);
        for (int i = from; i < from + length; i++) {
            if (i > from) {
                hex.append(' ');
            }
            hex.append(HEX_DIGITS[(bytes[i] >> 4) & 0xf]).append(HEX_DIGITS[bytes[i] & 0xf]);
        }
        return hex.toString();
    }
}
