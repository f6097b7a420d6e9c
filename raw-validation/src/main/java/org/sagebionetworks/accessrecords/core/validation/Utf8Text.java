package org.sagebionetworks.accessrecords.core.validation;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Whether a line's bytes are UTF-8 text that JSON may carry, checked before Jackson reads them, because Jackson
 * is lenient where the contract is not: given bytes it guesses UTF-16 and UTF-32, decodes overlong forms
 * ({@code C0 80} to NUL) and code points past U+10FFFF, skips a byte order mark, and unescapes a lone surrogate
 * (<code>&#92;ud800</code>) that no UTF-8 text, and so no Parquet column, can hold. Well-formed here means: the
 * well-formed sequences of Unicode's table 3-7, no NUL byte (never legal in JSON text, and the telltale of
 * UTF-16 and UTF-32, so Jackson then always reads UTF-8), and every escaped surrogate half of an escaped pair.
 * One pass over the line; runs of plain ASCII are checked 32 bytes at a time.
 */
final class Utf8Text {

    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101_0101_0101_0101L;
    private static final long HIGH_BITS = 0x8080_8080_8080_8080L;
    private static final long BACKSLASHES = ONES * '\\';
    /** Four words a step while the text is plain: measured 30 % faster than one word a step. */
    private static final int BLOCK = 4 * Long.BYTES;

    static final int ESCAPE_LENGTH = 6;

    private Utf8Text() {}

    /** Why {@code bytes[from, to)} is not such text, for people; null when it is. */
    static String problem(byte[] bytes, int from, int to) {
        if (to - from >= 3
                && bytes[from] == (byte) 0xef
                && bytes[from + 1] == (byte) 0xbb
                && bytes[from + 2] == (byte) 0xbf) {
            return "starts with a byte order mark (EF BB BF), which JSON text does not allow";
        }
        int at = firstIllFormed(bytes, from, to);
        return at < 0 ? null : Utf8Problems.describe(bytes, at, to, at - from);
    }

    /** The index where the first ill-formed sequence or unpaired surrogate escape starts, or -1. */
    static int firstIllFormed(byte[] bytes, int from, int to) {
        int i = from;
        while (i < to) {
            int left = to - i;
            if (left >= BLOCK
                    && (notPlain(bytes, i) | notPlain(bytes, i + 8) | notPlain(bytes, i + 16) | notPlain(bytes, i + 24))
                            == 0) {
                i += BLOCK;
            } else if (left >= Long.BYTES && notPlain(bytes, i) == 0) {
                i += Long.BYTES;
            } else {
                int next = next(bytes, i, to);
                if (next < 0) {
                    return i;
                }
                i = next;
            }
        }
        return -1;
    }

    /**
     * Zero when the eight bytes at {@code i} are ASCII with neither NUL nor backslash: a zero byte in w, or in
     * w ^ '\\', sets the high bit of its byte in w - 1 or (w ^ '\\') - 1.
     */
    private static long notPlain(byte[] bytes, int i) {
        long word = (long) WORDS.get(bytes, i);
        return (word | word - ONES | (word ^ BACKSLASHES) - ONES) & HIGH_BITS;
    }

    /** The index after the character or escape at {@code i}, or -1 when it is ill-formed. */
    private static int next(byte[] bytes, int i, int to) {
        byte lead = bytes[i];
        if (lead > 0) {
            return lead == '\\' ? afterEscape(bytes, i, to) : i + 1;
        }
        return lead == 0 ? -1 : afterMultiByte(bytes, i, to);
    }

    /** The index after the well-formed multi-byte sequence at {@code i}, or -1 when it is ill-formed. */
    static int afterMultiByte(byte[] bytes, int i, int to) {
        int lead = bytes[i] & 0xff;
        int length = sequenceLength(lead);
        if (length == 0 || to - i < length) {
            return -1;
        }
        int second = bytes[i + 1] & 0xff;
        if (second < lowestSecondByte(lead) || second > highestSecondByte(lead)) {
            return -1;
        }
        for (int k = 2; k < length; k++) {
            if (!isContinuation(bytes[i + k])) {
                return -1;
            }
        }
        return i + length;
    }

    /**
     * Past a backslash: any escape but {@code \}{@code u} of a surrogate is two bytes here (Jackson judges it);
     * a high surrogate must be followed at once by an escaped low one, and a low one never stands first.
     */
    private static int afterEscape(byte[] bytes, int i, int to) {
        if (to - i < ESCAPE_LENGTH || bytes[i + 1] != 'u') {
            return i + 2;
        }
        int unit = escapedUnit(bytes, i);
        if (unit < 0 || !Character.isSurrogate((char) unit)) {
            return i + 2;
        }
        if (Character.isLowSurrogate((char) unit)) {
            return -1;
        }
        int pair = i + ESCAPE_LENGTH;
        int low = to - pair >= ESCAPE_LENGTH && bytes[pair] == '\\' && bytes[pair + 1] == 'u'
                ? escapedUnit(bytes, pair)
                : -1;
        return low >= 0 && Character.isLowSurrogate((char) low) ? pair + ESCAPE_LENGTH : -1;
    }

    /** The UTF-16 unit of the six-byte {@code \}{@code uXXXX} escape at {@code i}, or -1 when its digits are not hex. */
    static int escapedUnit(byte[] bytes, int i) {
        int unit = 0;
        for (int k = i + 2; k < i + ESCAPE_LENGTH; k++) {
            int digit = Character.digit(bytes[k], 16);
            if (digit < 0) {
                return -1;
            }
            unit = unit << 4 | digit;
        }
        return unit;
    }

    /** 2, 3 or 4 for a byte that starts a well-formed sequence; 0 for one that starts none. */
    static int sequenceLength(int lead) {
        if (lead >= 0xc2 && lead <= 0xdf) {
            return 2;
        }
        if (lead >= 0xe0 && lead <= 0xef) {
            return 3;
        }
        return lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    }

    /** Table 3-7: after E0 and F0 a smaller second byte would be overlong. */
    static int lowestSecondByte(int lead) {
        return lead == 0xe0 ? 0xa0 : lead == 0xf0 ? 0x90 : 0x80;
    }

    /** Table 3-7: after ED a larger second byte encodes a surrogate, after F4 a code point past U+10FFFF. */
    static int highestSecondByte(int lead) {
        return lead == 0xed ? 0x9f : lead == 0xf4 ? 0x8f : 0xbf;
    }

    static boolean isContinuation(byte b) {
        return (b & 0xc0) == 0x80;
    }

    static String ascii(byte[] bytes, int from, int length) {
        return new String(bytes, from, length, StandardCharsets.US_ASCII);
    }
}
