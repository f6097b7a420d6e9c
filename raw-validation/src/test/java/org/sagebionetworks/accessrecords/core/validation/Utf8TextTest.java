package org.sagebionetworks.accessrecords.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The byte check against the JDK's own UTF-8 decoder, which is strict (no overlong forms, no surrogates, nothing
 * past U+10FFFF): every sequence of two bytes, every one of three whose first byte starts a three- or four-byte
 * character, at alignments the 32- and 8-byte fast paths meet differently.
 * Backslashes are left out here; escapes have their own tests.
 */
class Utf8TextTest {

    private final CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder();
    private final CharBuffer chars = CharBuffer.allocate(64);

    @Test
    void agreesWithTheJdkOnEverySequenceOfUpToThreeBytes() {
        List<String> disagreements = new ArrayList<>();
        for (int first = 0; first < 256; first++) {
            for (int second = 0; second < 256; second++) {
                boolean threeOrFour = first >= 0xe0 && first <= 0xf4;
                for (int third = 0; third <= (threeOrFour ? 255 : 0); third++) {
                    byte[] sequence = !threeOrFour
                            ? new byte[] {(byte) first, (byte) second}
                            : new byte[] {(byte) first, (byte) second, (byte) third};
                    check(sequence, (first + second + third) % 41, disagreements);
                }
            }
        }
        assertThat(disagreements).isEmpty();
    }

    @Test
    void agreesWithTheJdkOnFourByteSequences() {
        List<String> disagreements = new ArrayList<>();
        Random random = new Random(7);
        for (int i = 0; i < 200_000; i++) {
            byte[] sequence = {
                (byte) (0xe8 + random.nextInt(24)),
                (byte) (0x70 + random.nextInt(0x60)),
                (byte) (0x70 + random.nextInt(0x60)),
                (byte) (0x70 + random.nextInt(0x60))
            };
            check(sequence, i % 41, disagreements);
        }
        assertThat(disagreements).isEmpty();
    }

    @Test
    void findsTheFirstProblemAfterALongRunOfAscii() {
        byte[] line = ("x".repeat(37) + "\u00e9" + "y".repeat(20)).getBytes(StandardCharsets.UTF_8);
        line[45] = (byte) 0xff;

        assertThat(Utf8Text.firstIllFormed(line, 0, line.length)).isEqualTo(45);
        assertThat(Utf8Text.firstIllFormed(line, 0, 45)).isEqualTo(-1);
        assertThat(Utf8Text.firstIllFormed(line, 38, line.length))
                .as("starting inside a character")
                .isEqualTo(38);
    }

    /** {@code sequence} after {@code padding} ASCII letters and before 40 more, so every path is taken. */
    private void check(byte[] sequence, int padding, List<String> disagreements) {
        byte[] line = new byte[padding + sequence.length + 40];
        Arrays.fill(line, (byte) 'a');
        System.arraycopy(sequence, 0, line, padding, sequence.length);
        if (contains(line, (byte) '\\')) {
            return;
        }
        boolean valid = Utf8Text.firstIllFormed(line, 0, line.length) < 0;
        if (valid != (jdkDecodes(line) && !contains(line, (byte) 0)) && disagreements.size() < 20) {
            disagreements.add(HexFormat.of().formatHex(sequence) + " after " + padding + " letters: " + valid);
        }
    }

    /** Without exceptions, which would cost more than all the rest. */
    private boolean jdkDecodes(byte[] line) {
        chars.clear();
        strict.reset();
        return !strict.decode(ByteBuffer.wrap(line), chars, true).isError()
                && !strict.flush(chars).isError();
    }

    private static boolean contains(byte[] line, byte value) {
        for (byte b : line) {
            if (b == value) {
                return true;
            }
        }
        return false;
    }
}
