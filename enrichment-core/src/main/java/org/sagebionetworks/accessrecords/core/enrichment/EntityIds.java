package org.sagebionetworks.accessrecords.core.enrichment;

/**
 * {@code entity_id}: the first {@code /entity/(syn\d+|\d+)} of the lower-cased, still percent-encoded URL,
 * without the {@code syn} prefix. Like Python's {@code int()}, any Unicode decimal digits count; a number
 * beyond a signed 64-bit integer has no id.
 */
public final class EntityIds {

    private static final String MARKER = "/entity/";
    private static final String SYN = "syn";

    private EntityIds() {}

    public static Long of(String requestUrl) {
        return requestUrl == null ? null : ofLowerCased(PythonText.lower(requestUrl));
    }

    /** For callers that already hold {@code PythonText.lower(requestUrl)}. */
    static Long ofLowerCased(String url) {
        for (int at = url.indexOf(MARKER); at >= 0; at = url.indexOf(MARKER, at + 1)) {
            int digits = at + MARKER.length();
            if (url.startsWith(SYN, digits) && startsWithDigit(url, digits + SYN.length())) {
                return parse(url, digits + SYN.length());
            }
            if (startsWithDigit(url, digits)) {
                return parse(url, digits);
            }
        }
        return null;
    }

    private static boolean startsWithDigit(String s, int at) {
        return at < s.length() && PythonText.isDigit(s.codePointAt(at));
    }

    private static Long parse(String s, int start) {
        long value = 0;
        for (int i = start; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (!PythonText.isDigit(cp)) {
                break;
            }
            int digit = Character.digit(cp, 10);
            if (value > (Long.MAX_VALUE - digit) / 10) {
                return null;
            }
            value = value * 10 + digit;
            i += Character.charCount(cp);
        }
        return value;
    }
}
