package org.sagebionetworks.accessrecords.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sagebionetworks.accessrecords.core.AccessRecordEnricher;
import org.sagebionetworks.accessrecords.core.Outcome;
import org.sagebionetworks.accessrecords.core.Outcome.Accepted;
import org.sagebionetworks.accessrecords.core.Outcome.Rejected;
import org.sagebionetworks.accessrecords.schema.ProcessedAccessRecord;
import org.sagebionetworks.accessrecords.testing.RawRecords;

/**
 * "One well-formed UTF-8 JSON object", byte sequence by byte sequence: what is not UTF-8, or not Unicode text,
 * is rejected before it can reach the table; what is valid text is kept exactly, control characters included.
 */
class TextEncodingTest {

    private static final String MARK = "@MARK@";
    private static final Charset UTF_32BE = Charset.forName("UTF-32BE");
    private static final Charset UTF_32LE = Charset.forName("UTF-32LE");

    private final AccessRecordEnricher enricher = new AccessRecordEnricher();

    static Stream<Arguments> notUtf8() {
        String line = RawRecords.EXAMPLE;
        Stream<Arguments> named = Stream.of(
                whole("UTF-16LE with BOM", bytes(0xff, 0xfe), line.getBytes(StandardCharsets.UTF_16LE)),
                whole("UTF-16LE without BOM", bytes(), line.getBytes(StandardCharsets.UTF_16LE)),
                whole("UTF-16BE with BOM", bytes(0xfe, 0xff), line.getBytes(StandardCharsets.UTF_16BE)),
                whole("UTF-16BE without BOM", bytes(), line.getBytes(StandardCharsets.UTF_16BE)),
                whole("UTF-32LE with BOM", bytes(0xff, 0xfe, 0, 0), line.getBytes(UTF_32LE)),
                whole("UTF-32BE with BOM", bytes(0, 0, 0xfe, 0xff), line.getBytes(UTF_32BE)),
                whole("UTF-32BE without BOM", bytes(), line.getBytes(UTF_32BE)),
                whole("UTF-8 BOM before UTF-8", bytes(0xef, 0xbb, 0xbf), line.getBytes(StandardCharsets.UTF_8)),
                inUserAgent("C0 80 (overlong NUL)", 0xc0, 0x80),
                inUserAgent("C1 BF (overlong DEL)", 0xc1, 0xbf),
                inUserAgent("E0 80 80 (overlong NUL in three bytes)", 0xe0, 0x80, 0x80),
                inUserAgent("E0 9F BF (overlong U+07FF)", 0xe0, 0x9f, 0xbf),
                inUserAgent("F0 80 80 80 (overlong NUL in four bytes)", 0xf0, 0x80, 0x80, 0x80),
                inUserAgent("ED A0 80 (encoded high surrogate)", 0xed, 0xa0, 0x80),
                inUserAgent("ED B0 80 (encoded low surrogate)", 0xed, 0xb0, 0x80),
                inUserAgent("ED A0 BD ED B8 80 (CESU-8 pair)", 0xed, 0xa0, 0xbd, 0xed, 0xb8, 0x80),
                inUserAgent("F4 90 80 80 (above U+10FFFF)", 0xf4, 0x90, 0x80, 0x80),
                inUserAgent("80 (continuation byte alone)", 0x80),
                inUserAgent("C3 28 (lead byte then ASCII)", 0xc3, 0x28),
                inUserAgent("E2 82 (truncated before the quote)", 0xe2, 0x82),
                inUserAgent("F0 9F 98 (truncated before the quote)", 0xf0, 0x9f, 0x98),
                whole("C3 (truncated at the end of the line)", line.getBytes(StandardCharsets.UTF_8), bytes(0xc3)),
                whole("NUL byte between tokens", bytes('{', 0), "\"payload\":{}}".getBytes(StandardCharsets.UTF_8)));
        Stream<Arguments> neverUtf8 = IntStream.rangeClosed(0xf5, 0xff)
                .mapToObj(b -> inUserAgent(String.format("%02X (never in UTF-8)", b), b, 'a', 'a', 'a'));
        return Stream.concat(named, neverUtf8);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notUtf8")
    void bytesThatAreNotUtf8AreRejectedAsMalformed(String name, byte[] line) {
        Rejection rejection = rejection(line);

        assertThat(rejection.reason()).isEqualTo(RejectionReason.MALFORMED_JSON);
        assertThat(rejection.field()).isNull();
    }

    static Stream<Arguments> unpairedSurrogateEscapes() {
        return Stream.of(
                Arguments.of("\\ud800 alone", "a\\ud800b"),
                Arguments.of("\\udc00 alone", "a\\udc00b"),
                Arguments.of("\\ud800 at the end", "ab\\ud800"),
                Arguments.of("\\udfff at the start", "\\udfffab"),
                Arguments.of("two high surrogates", "\\ud83d\\ud83d"),
                Arguments.of("a pair in the wrong order", "\\ude00\\ud83d"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unpairedSurrogateEscapes")
    void anEscapedSurrogateWithoutItsPartnerIsRejectedAsMalformed(String name, String escaped) {
        Rejection rejection = rejection(withRawUserAgent(escaped.getBytes(StandardCharsets.US_ASCII)));

        assertThat(rejection.reason()).isEqualTo(RejectionReason.MALFORMED_JSON);
        assertThat(rejection.detail()).startsWith("unpaired surrogate escape \\u");
    }

    @Test
    void anUnpairedSurrogateIsRejectedInAFieldTheContractDoesNotKnowToo() {
        byte[] line = RawRecords.EXAMPLE
                .replace("{\"stack\"", "{\"note\":\"\\udc00\",\"stack\"")
                .getBytes(StandardCharsets.US_ASCII);

        assertThat(rejection(line).detail())
                .isEqualTo("unpaired surrogate escape \\udc00 at byte 9: UTF-8 cannot encode half a pair");
    }

    @Test
    void anEscapedBackslashBeforeTheLettersOfAnEscapeIsNoEscape() {
        ProcessedAccessRecord row = row(withRawUserAgent("a\\\\ud800".getBytes(StandardCharsets.US_ASCII)));

        assertThat(row.getUserAgent()).isEqualTo("a\\ud800");
    }

    @Test
    void anEscapedNulIsTextAndKept() {
        assertThat(row(withRawUserAgent("a\\u0000b".getBytes(StandardCharsets.US_ASCII)))
                        .getUserAgent())
                .isEqualTo("a\u0000b");
    }

    @Test
    void anEscapedSurrogatePairIsOneCharacterAndStaysAccepted() {
        ProcessedAccessRecord escaped =
                row(withRawUserAgent("smile \\ud83d\\ude00".getBytes(StandardCharsets.US_ASCII)));
        ProcessedAccessRecord raw = row(withRawUserAgent("smile \ud83d\ude00".getBytes(StandardCharsets.UTF_8)));

        assertThat(escaped.getUserAgent()).isEqualTo("smile \ud83d\ude00").isEqualTo(raw.getUserAgent());
    }

    @Test
    void anEscapedControlCharacterIsTextAndKeptExactlyAsTheGlueJobKeepsIt() {
        byte[] line = RawRecords.example()
                .with("requestURL", "/repo/v1/2fa/\u001b[31mred")
                .bytes();

        ProcessedAccessRecord row = row(line);

        assertThat(new String(line, StandardCharsets.US_ASCII)).contains("\\u001B[31mred");
        assertThat(row.getRequestUrl()).isEqualTo("/repo/v1/2fa/\u001b[31mred");
        assertThat(row.getNormalizedMethodSignature()).isEqualTo("GET /2fa/\u001b[31mred");
    }

    @Test
    void aRawControlCharacterInsideAStringIsNotJson() {
        byte[] line = withRawUserAgent(bytes('a', 0x1b, '[', '3', '1', 'm'));

        assertThat(rejection(line).reason()).isEqualTo(RejectionReason.MALFORMED_JSON);
    }

    /** Found by CoreFuzzTest: Jackson took the NULs for UTF-32, and its CharConversionException escaped the core. */
    @Test
    void textThatJacksonWouldTakeForUtf32IsRejectedNotThrown() {
        byte[] line = concat(
                new byte[8],
                ":\"prod\",\"payload\":{\"sessionId\":\"cut-off-by-a-crash\",\"timestamp\":17004"
                        .getBytes(StandardCharsets.US_ASCII));

        assertThat(rejection(line))
                .isEqualTo(Rejection.ofRecord(
                        RejectionReason.MALFORMED_JSON, "not UTF-8: NUL byte at byte 0 (UTF-16 or UTF-32 text?)"));
    }

    @Test
    void theRejectionSaysWhichBytesAndWhere() {
        byte[] line = withRawUserAgent(bytes(0xc0, 0x80));
        int at = new String(line, StandardCharsets.ISO_8859_1).indexOf('\u00c0');

        assertThat(rejection(line))
                .isEqualTo(Rejection.ofRecord(
                        RejectionReason.MALFORMED_JSON, "not UTF-8: overlong encoding C0 80 at byte " + at));
        assertThat(rejection(withRawUserAgent(bytes(0xed, 0xa0, 0x80))).detail())
                .startsWith("not UTF-8: encoded surrogate ED A0 80 at byte ");
        assertThat(rejection(bytes(0xff, 0xfe, '{', 0)).detail()).isEqualTo("not UTF-8: byte FF at byte 0");
        assertThat(rejection(bytes('{', 0)).detail())
                .isEqualTo("not UTF-8: NUL byte at byte 1 (UTF-16 or UTF-32 text?)");
        assertThat(rejection(bytes(0xef, 0xbb, 0xbf, '{', '}')).detail())
                .isEqualTo("starts with a byte order mark (EF BB BF), which JSON text does not allow");
        assertThat(rejection(withRawUserAgent(bytes(0xf4, 0x90, 0x80, 0x80))).detail())
                .startsWith("not UTF-8: code point above U+10FFFF F4 90 80 80 at byte ");
        assertThat(rejection(withRawUserAgent(bytes(0xe2, 0x82))).detail())
                .startsWith("not UTF-8: incomplete sequence E2 82 at byte ");
    }

    private Rejection rejection(byte[] line) {
        Outcome<ProcessedAccessRecord> outcome = enricher.enrich(line);
        assertThat(outcome).isInstanceOf(Rejected.class);
        return ((Rejected<ProcessedAccessRecord>) outcome).rejection();
    }

    private ProcessedAccessRecord row(byte[] line) {
        Outcome<ProcessedAccessRecord> outcome = enricher.enrich(line);
        assertThat(outcome).isInstanceOf(Accepted.class);
        return ((Accepted<ProcessedAccessRecord>) outcome).value();
    }

    private static Arguments whole(String name, byte[] prefix, byte[] rest) {
        return Arguments.of(name, concat(prefix, rest));
    }

    private static Arguments inUserAgent(String name, int... raw) {
        return Arguments.of(name, withRawUserAgent(bytes(raw)));
    }

    /** The example record with these bytes, as they are, for the user agent's value. */
    static byte[] withRawUserAgent(byte[] raw) {
        String line = RawRecords.example().with("userAgent", MARK).json();
        int at = line.indexOf(MARK);
        return concat(
                line.substring(0, at).getBytes(StandardCharsets.UTF_8),
                raw,
                line.substring(at + MARK.length()).getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
