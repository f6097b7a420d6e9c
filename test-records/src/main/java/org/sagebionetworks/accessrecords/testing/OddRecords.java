package org.sagebionetworks.accessrecords.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Raw lines for holding a fast reader to the parser: edge cases, and synthetic traffic mangled by character or by
 * byte, reproducibly from a seed.
 */
public final class OddRecords {

    private static final String ALPHABET = "{}[]:,\"\\ \t\n0123456789-+.eEtrufalsn\u00e9\u20ac";
    private static final byte[][] NOT_UTF8_TEXT = {
        {(byte) 0xc0, (byte) 0x80},
        {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
        {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
        {(byte) 0xe2, (byte) 0x82},
        {(byte) 0x80},
        {(byte) 0xff},
        {0},
        {(byte) 0xef, (byte) 0xbb, (byte) 0xbf},
        {(byte) 0xe2, (byte) 0x82, (byte) 0xac},
        {(byte) 0xf0, (byte) 0x9f, (byte) 0x98, (byte) 0x80}
    };

    private OddRecords() {}

    /** Synthetic lines with one to three characters replaced, inserted or deleted. */
    public static List<byte[]> mangled(long seed, int count) {
        Random random = new Random(seed);
        SyntheticTraffic traffic = new SyntheticTraffic(seed, 1_700_000_000_000L, 50L);
        List<byte[]> lines = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            StringBuilder line = new StringBuilder(traffic.next());
            for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
                int at = random.nextInt(line.length());
                char c = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
                switch (random.nextInt(3)) {
                    case 0 -> line.setCharAt(at, c);
                    case 1 -> line.insert(at, c);
                    default -> line.deleteCharAt(at);
                }
            }
            lines.add(line.toString().getBytes(StandardCharsets.UTF_8));
        }
        return lines;
    }

    /** Synthetic lines with an ill-formed (or, for contrast, a well-formed) UTF-8 sequence inserted anywhere. */
    public static List<byte[]> withSequencesInserted(long seed, int count) {
        Random random = new Random(seed);
        SyntheticTraffic traffic = new SyntheticTraffic(seed, 1_700_000_000_000L, 50L);
        List<byte[]> lines = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte[] line = traffic.next().getBytes(StandardCharsets.UTF_8);
            byte[] inserted = NOT_UTF8_TEXT[random.nextInt(NOT_UTF8_TEXT.length)];
            int at = random.nextInt(line.length + 1);
            byte[] mangled = new byte[line.length + inserted.length];
            System.arraycopy(line, 0, mangled, 0, at);
            System.arraycopy(inserted, 0, mangled, at, inserted.length);
            System.arraycopy(line, at, mangled, at + inserted.length, line.length - at);
            lines.add(mangled);
        }
        return lines;
    }

    /** A fresh copy each time: {@link RawRecords} edits in place. */
    private static RawRecords example() {
        return RawRecords.example();
    }

    /** Lines at the edges of the common shape and beyond it: escapes, numbers, nulls, repeats, rules, garbage. */
    public static List<String> edgeCases() {
        List<String> cases = new ArrayList<>();
        cases.add(example().json());
        cases.add("  \n" + example().json() + " \r\n\t");
        cases.add(example().json().replace(":", " : ").replace(",", " ,\n "));
        cases.add(example()
                .with("userAgent", "Mozilla/5.0 caf\u00e9 \u20ac \uD83D\uDE00")
                .json());
        cases.add(
                example().with("userAgent", "tab\there \"quoted\" back\\slash").json());
        cases.add(example().with("requestURL", "/repo/v1/ENTITY/SYN123/\u00c9").json());
        cases.add(example().with("userAgent", "").with("host", "").json());
        cases.add(example().with("userAgent", null).with("success", null).json());
        cases.add(example()
                .without("userAgent")
                .without("instance")
                .without("userId")
                .json());
        cases.add(example()
                .with("success", false)
                .with("elapseMS", 0)
                .with("userId", -1)
                .json());
        cases.add(example().with("userId", Long.MAX_VALUE).json());
        cases.add(example().with("userId", Long.MIN_VALUE).json());
        cases.add(example().with("userId", 999_999_999_999_999_999L).json());
        cases.add(example()
                .with("userId", 12_345_678L)
                .with("threadId", 90_000_001L)
                .json());
        cases.add(example()
                .with("userId", 1_234_567_890_123_456L)
                .with("elapseMS", 123_456_789L)
                .json());
        cases.add(example().with("userId", 123_456_789_012_345_678L).json());
        cases.add(example().with("userId", 1_234_567_890_123_456_789L).json());
        cases.add(example().json().replace("\"userId\":1984530", "\"userId\":12345678.5"));
        cases.add(example().json().replace("\"userId\":1984530", "\"userId\":1234567x"));
        cases.add(example().json().replace("\"userId\":1984530", "\"userId\":-0"));
        cases.add(example().json().replace("\"userId\":1984530", "\"userId\":01984530"));
        cases.add(example().json().replace("\"userId\":1984530", "\"userId\":1984530.0"));
        cases.add(example().json().replace("\"userId\":1984530", "\"userId\":1e3"));
        cases.add(example().json().replace("\"userId\":1984530", "\"userId\":\"1984530\""));
        cases.add(example().json().replace("\"userId\":1984530", "\"userId\":1984530,\"userId\":7"));
        cases.add(example().json().replace("\"userId\":1984530", "\"userId\":1984530,\"extra\":{\"a\":1}"));
        cases.add(example().json().replace("\"userId\":1984530", "\"userId\":1984530,\"extra\":[1,2]"));
        cases.add(example().json().replace("\"userId\":1984530", "\"userId\":1984530,\"extra\":\"x\",\"n\":null"));
        cases.add(example().json().replace("\"userId\":1984530", "\"userId\":1984530,\"extra\":2.5"));
        cases.add(example().json().replace("\"success\":true", "\"success\":truex"));
        cases.add(example().json().replace("\"success\":true", "\"success\":1"));
        cases.add(example().sessionId(" ").json());
        cases.add(example().sessionId("x".repeat(129)).json());
        cases.add(example().with("method", "").json());
        cases.add(example().with("method", null).json());
        cases.add(example().without("sessionId").json());
        cases.add(example().timestamp(1_000L).json());
        cases.add(example().timestamp(4_102_444_800_000L).json());
        cases.add(example().with("requestURL", "/x".repeat(40_000)).json());
        cases.add(example().with("instance", "000000000").json());
        cases.add(example().json() + "{}");
        cases.add(example().json() + "x");
        cases.add(example().json().substring(0, example().json().length() - 1));
        cases.add("{}");
        cases.add("[]");
        cases.add("");
        cases.add("{\"payload\":null}");
        cases.add("{\"payload\":{}}");
        return cases;
    }
}
