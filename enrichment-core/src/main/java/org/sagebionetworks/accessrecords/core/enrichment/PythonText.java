package org.sagebionetworks.accessrecords.core.enrichment;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The character classes and string operations of Python 3 that the Glue job relies on, reproduced exactly.
 * Java's own definitions differ at the edges (Java's {@code \s} misses U+0085 and U+00A0, its {@code \w} with
 * UNICODE_CHARACTER_CLASS adds combining marks), so parity needs these written out.
 */
final class PythonText {

    private static final String PYTHON_WHITESPACE = "\t\n\u000b\f\r\u001c\u001d\u001e\u001f \u0085\u00a0\u1680"
            + "\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
            + "\u2028\u2029\u202f\u205f\u3000";

    private static final char CAPITAL_SIGMA = '\u03a3';
    private static final char SMALL_SIGMA = '\u03c3';
    private static final char FINAL_SIGMA = '\u03c2';
    /** Word_Break MidLetter, MidNumLet and Single_Quote characters, which Unicode counts as case-ignorable. */
    private static final String CASE_IGNORABLE_PUNCTUATION =
            "'.:\u00b7\u0387\u055f\u05f4\u2018\u2019\u2024\u2027\ufe13\ufe52\ufe55\uff07\uff0e\uff1a";

    private PythonText() {}

    /**
     * {@code str.lower()}. Java's full lower-casing agrees except for the capital sigma, whose final form Java
     * chooses by word boundaries and Python by the Unicode Final_Sigma context (a cased letter before it,
     * none after it, case-ignorable characters skipped), so "V1Σ" is "v1σ" in Python.
     */
    static String lower(String s) {
        if (s.indexOf(CAPITAL_SIGMA) < 0) {
            return s.toLowerCase(Locale.ROOT);
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (cp == CAPITAL_SIGMA) {
                out.append(isFinalSigma(s, i) ? FINAL_SIGMA : SMALL_SIGMA);
            } else {
                out.append(new String(Character.toChars(cp)).toLowerCase(Locale.ROOT));
            }
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    private static boolean isFinalSigma(String s, int sigma) {
        int before = sigma;
        int cp = 0;
        while (before > 0) {
            cp = s.codePointBefore(before);
            before -= Character.charCount(cp);
            if (!isCaseIgnorable(cp)) {
                break;
            }
        }
        if (before == sigma || isCaseIgnorable(cp) || !isCased(cp)) {
            return false;
        }
        for (int after = sigma + 1; after < s.length(); ) {
            cp = s.codePointAt(after);
            if (!isCaseIgnorable(cp)) {
                return !isCased(cp);
            }
            after += Character.charCount(cp);
        }
        return true;
    }

    private static boolean isCased(int cp) {
        return Character.isLowerCase(cp) || Character.isUpperCase(cp) || Character.isTitleCase(cp);
    }

    private static boolean isCaseIgnorable(int cp) {
        return switch (Character.getType(cp)) {
            case Character.NON_SPACING_MARK,
                    Character.ENCLOSING_MARK,
                    Character.FORMAT,
                    Character.MODIFIER_LETTER,
                    Character.MODIFIER_SYMBOL -> true;
            default -> cp < 0x10000 && CASE_IGNORABLE_PUNCTUATION.indexOf(cp) >= 0;
        };
    }

    /** {@code str.isspace()}, which is also what {@code \s} and {@code str.split()} use. */
    static boolean isWhitespace(int codePoint) {
        if (codePoint > ' ' && codePoint < 0x80) {
            return false; // printable ASCII, nearly every character of a URL: no need to search the list
        }
        return codePoint < 0x10000 && PYTHON_WHITESPACE.indexOf(codePoint) >= 0;
    }

    /** {@code \w} of a str pattern: a Unicode letter or number (any L* or N* category), or underscore. */
    static boolean isWordChar(int codePoint) {
        if (codePoint < 0x80) {
            return codePoint >= 'a' && codePoint <= 'z'
                    || codePoint >= 'A' && codePoint <= 'Z'
                    || codePoint >= '0' && codePoint <= '9'
                    || codePoint == '_';
        }
        return switch (Character.getType(codePoint)) {
            case Character.UPPERCASE_LETTER,
                    Character.LOWERCASE_LETTER,
                    Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER,
                    Character.OTHER_LETTER,
                    Character.DECIMAL_DIGIT_NUMBER,
                    Character.LETTER_NUMBER,
                    Character.OTHER_NUMBER -> true;
            default -> false;
        };
    }

    /** {@code \d} of a str pattern: any decimal digit (category Nd), not only ASCII. */
    static boolean isDigit(int codePoint) {
        return codePoint >= '0' && codePoint <= '9'
                || codePoint >= 0x80 && Character.getType(codePoint) == Character.DECIMAL_DIGIT_NUMBER;
    }

    /** {@code ''.join(s.split())}: every whitespace character deleted. */
    static String deleteWhitespace(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isWhitespace(c)) {
                if (out == null) {
                    out = new StringBuilder(s.length()).append(s, 0, i);
                }
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? s : out.toString();
    }

    /**
     * {@code urllib.parse.unquote(s)}: {@code %XX} escapes become bytes, each run of ASCII characters is decoded
     * as UTF-8 with invalid sequences replaced by U+FFFD, malformed escapes stay literal, {@code +} stays.
     * Non-ASCII characters pass through and end a run, as in Python, so an escape sequence split by one decodes
     * as two invalid halves.
     */
    static String percentDecode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        byte[] run = new byte[s.length()];
        int runLength = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                out.append(new String(run, 0, runLength, StandardCharsets.UTF_8))
                        .append(c);
                runLength = 0;
            } else if (c == '%' && i + 2 < s.length() && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2))) {
                run[runLength++] = (byte) (hexValue(s.charAt(i + 1)) << 4 | hexValue(s.charAt(i + 2)));
                i += 2;
            } else {
                run[runLength++] = (byte) c;
            }
        }
        return out.append(new String(run, 0, runLength, StandardCharsets.UTF_8)).toString();
    }

    private static boolean isHex(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    private static int hexValue(char c) {
        return Character.digit(c, 16);
    }
}
