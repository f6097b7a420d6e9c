package org.sagebionetworks.accessrecords.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sagebionetworks.accessrecords.core.Outcome.Accepted;
import org.sagebionetworks.accessrecords.core.Outcome.Rejected;
import org.sagebionetworks.accessrecords.core.output.EncodedRow;
import org.sagebionetworks.accessrecords.core.validation.RawRecordParser;
import org.sagebionetworks.accessrecords.schema.ProcessedAccessRecord;
import org.sagebionetworks.accessrecords.testing.RawRecords;
import org.sagebionetworks.accessrecords.testing.SyntheticTraffic;

/**
 * The one-pass encoding against the path through objects, which the reference-parity tests hold to the Glue job:
 * for every input, the same row bytes or the same rejection.
 */
class RowEncoderTest {

    private final RowEncoder encoder = new RowEncoder();
    private final AccessRecordEnricher throughObjects = new AccessRecordEnricher();
    private final RawRecordParser parser = new RawRecordParser();

    @Test
    void scansSyntheticTrafficInOnePassIntoTheGeneratedClassesBytes() {
        SyntheticTraffic traffic = new SyntheticTraffic(11L, 1_700_000_000_000L, 50L);
        var scanned = parser.newScannedRecord();
        for (int i = 0; i < 5_000; i++) {
            byte[] raw = traffic.next().getBytes(StandardCharsets.UTF_8);
            assertThat(parser.scan(raw, 0, raw.length, scanned))
                    .as("scanned in one pass: %s", new String(raw, StandardCharsets.UTF_8))
                    .isTrue();
            assertSameAsThroughObjects(raw);
        }
    }

    @Test
    void givesTheSameRowsAndRejectionsForEdgeCases() {
        for (String raw : edgeCases()) {
            assertSameAsThroughObjects(raw.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void givesTheSameOutcomeForMangledRecords() {
        Random random = new Random(5);
        SyntheticTraffic traffic = new SyntheticTraffic(13L, 1_700_000_000_000L, 50L);
        String alphabet = "{}[]:,\"\\ \t\n0123456789-+.eEtrufalsn\u00e9\u20ac";
        for (int i = 0; i < 10_000; i++) {
            StringBuilder line = new StringBuilder(traffic.next());
            for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
                int at = random.nextInt(line.length());
                char c = alphabet.charAt(random.nextInt(alphabet.length()));
                switch (random.nextInt(3)) {
                    case 0 -> line.setCharAt(at, c);
                    case 1 -> line.insert(at, c);
                    default -> line.deleteCharAt(at);
                }
            }
            assertSameAsThroughObjects(line.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Scanning checks UTF-8 as it goes, so ill-formed bytes anywhere must still reach the parser's verdict. */
    @Test
    void givesTheSameOutcomeForBytesThatAreNotUtf8Text() {
        Random random = new Random(17);
        SyntheticTraffic traffic = new SyntheticTraffic(19L, 1_700_000_000_000L, 50L);
        byte[][] sequences = {
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
        for (int i = 0; i < 5_000; i++) {
            byte[] line = traffic.next().getBytes(StandardCharsets.UTF_8);
            byte[] inserted = sequences[random.nextInt(sequences.length)];
            int at = random.nextInt(line.length + 1);
            byte[] mangled = new byte[line.length + inserted.length];
            System.arraycopy(line, 0, mangled, 0, at);
            System.arraycopy(inserted, 0, mangled, at, inserted.length);
            System.arraycopy(line, at, mangled, at + inserted.length, line.length - at);
            assertSameAsThroughObjects(mangled);
        }
    }

    @Test
    void readsTheKeyColumnsBackFromTheMessage() {
        Outcome<EncodedRow> outcome = encoder.encode(RawRecords.example().bytes());
        EncodedRow row = ((Accepted<EncodedRow>) outcome).value();

        EncodedRow read = EncodedRow.read(row.message());

        assertThat(read.sessionId()).isEqualTo("7dfda870-44ab-4620-81ff-0c9c41236b6a");
        assertThat(read.timestampMillis()).isEqualTo(1_700_000_000_123L);
        assertThat(row.sessionId()).isEqualTo(read.sessionId());
        assertThat(row.timestampMillis()).isEqualTo(read.timestampMillis());
    }

    @Test
    void refusesToReadWhatIsNotARowOfTheContract() {
        byte[] message = ((Accepted<EncodedRow>)
                        encoder.encode(RawRecords.example().bytes()))
                .value()
                .message();
        byte[] otherFingerprint = message.clone();
        otherFingerprint[5] ^= 1;

        assertThatThrownBy(() -> EncodedRow.read(otherFingerprint)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EncodedRow.read(java.util.Arrays.copyOf(message, 12)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cut short");
    }

    private void assertSameAsThroughObjects(byte[] raw) {
        Outcome<EncodedRow> onePass = encoder.encode(raw);
        Outcome<ProcessedAccessRecord> expected = throughObjects.enrich(raw);
        String input = new String(raw, StandardCharsets.UTF_8);
        if (expected instanceof Rejected<ProcessedAccessRecord> rejected) {
            assertThat(onePass).as("rejected: %s", input).isInstanceOf(Rejected.class);
            assertThat(((Rejected<EncodedRow>) onePass).rejection()).as(input).isEqualTo(rejected.rejection());
            return;
        }
        ProcessedAccessRecord row = ((Accepted<ProcessedAccessRecord>) expected).value();
        assertThat(onePass).as("accepted: %s", input).isInstanceOf(Accepted.class);
        EncodedRow encoded = ((Accepted<EncodedRow>) onePass).value();
        assertThat(encoded.message()).as(input).isEqualTo(RowEncoder.bytesOf(row));
        assertThat(encoded.sessionId()).isEqualTo(row.getSessionId());
        assertThat(encoded.timestampMillis()).isEqualTo(row.getTimestamp().toEpochMilli());
    }

    /** A fresh copy each time: {@link RawRecords} edits in place. */
    private static RawRecords example() {
        return RawRecords.example();
    }

    private static List<String> edgeCases() {
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
