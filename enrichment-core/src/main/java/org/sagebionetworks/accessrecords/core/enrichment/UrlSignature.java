package org.sagebionetworks.accessrecords.core.enrichment;

/**
 * The URL half of {@code normalized_method_signature}: a request URL reduced to its endpoint shape
 * ({@code /entity/#/bundle2}), exactly as the Glue job's {@code get_normalized_method_signature} does it.
 */
public final class UrlSignature {

    /** The signature of a URL without a {@code /v1/} segment. */
    public static final String INVALID_URL = "INVALID URL";

    private static final String VERSION_MARKER = "/v1/";

    private UrlSignature() {}

    public static String of(String requestUrl) {
        return ofLowerCased(PythonText.lower(requestUrl));
    }

    /** For callers that already hold {@code PythonText.lower(requestUrl)}. */
    static String ofLowerCased(String lowerCasedUrl) {
        String url = PythonText.deleteWhitespace(PythonText.percentDecode(lowerCasedUrl));
        int marker = url.indexOf(VERSION_MARKER);
        if (marker < 0) {
            return INVALID_URL;
        }
        String path = url.substring(marker + VERSION_MARKER.length() - 1);
        String special = specialCase(path);
        return special != null ? special : generalize(path);
    }

    private static String specialCase(String path) {
        if (path.startsWith("/entity/md5")) {
            return "/entity/md5/#";
        }
        if (path.startsWith("/evaluation/name")) {
            return "/evaluation/name/#";
        }
        if (path.startsWith("/entity/alias")) {
            return "/entity/alias/#";
        }
        if (path.startsWith("/2fa")) {
            return path;
        }
        if (path.startsWith("/user/bundle")) {
            return "/user/bundle";
        }
        if (path.contains("/access/")) {
            return "/objects/#/access/#";
        }
        if (path.contains("/schema/type/registered/")) {
            return "/schema/type/registered/#";
        }
        return null;
    }

    /**
     * The Glue job's four substitutions, {@code ;[^/]+ -> ''}, {@code [^\w/] -> ''},
     * {@code \b(syn|fh)\d+(\.\d+)?\b|\b\d+(\w+)?[^/]\b -> #} and {@code /\d+ -> /#}, computed in one pass.
     * After the first two only word characters and slashes remain, so every {@code \b} sits at a segment edge
     * and the last two reduce to: a whole segment that is {@code (syn|fh)} plus digits, or that starts with a
     * digit, becomes {@code #}. The dotted alternative can no longer match once the dots are gone.
     */
    private static String generalize(String path) {
        StringBuilder out = new StringBuilder(path.length());
        int segmentStart = 0;
        boolean inParameters = false;
        for (int i = 0; i < path.length(); ) {
            int cp = path.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '/') {
                collapseIdentifier(out, segmentStart);
                out.append('/');
                segmentStart = out.length();
                inParameters = false;
            } else if (cp == ';') {
                inParameters = true;
            } else if (!inParameters && PythonText.isWordChar(cp)) {
                out.appendCodePoint(cp);
            }
        }
        collapseIdentifier(out, segmentStart);
        return out.toString();
    }

    private static void collapseIdentifier(StringBuilder out, int segmentStart) {
        if (segmentStart < out.length() && isIdentifier(out, segmentStart)) {
            out.setLength(segmentStart);
            out.append('#');
        }
    }

    private static boolean isIdentifier(CharSequence segment, int start) {
        if (PythonText.isDigit(Character.codePointAt(segment, start))) {
            return true;
        }
        int digitsStart = prefixEnd(segment, start, "syn");
        if (digitsStart < 0) {
            digitsStart = prefixEnd(segment, start, "fh");
        }
        return digitsStart > 0 && digitsStart < segment.length() && allDigits(segment, digitsStart);
    }

    private static int prefixEnd(CharSequence s, int start, String prefix) {
        int end = start + prefix.length();
        if (end > s.length()) {
            return -1;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (s.charAt(start + i) != prefix.charAt(i)) {
                return -1;
            }
        }
        return end;
    }

    private static boolean allDigits(CharSequence s, int start) {
        for (int i = start; i < s.length(); ) {
            int cp = Character.codePointAt(s, i);
            if (!PythonText.isDigit(cp)) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return true;
    }
}
