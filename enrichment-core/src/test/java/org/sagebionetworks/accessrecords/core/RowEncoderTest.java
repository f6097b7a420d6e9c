package org.sagebionetworks.accessrecords.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.sagebionetworks.accessrecords.core.Outcome.Accepted;
import org.sagebionetworks.accessrecords.core.Outcome.Rejected;
import org.sagebionetworks.accessrecords.core.output.EncodedRow;
import org.sagebionetworks.accessrecords.core.validation.RawRecordParser;
import org.sagebionetworks.accessrecords.schema.ProcessedAccessRecord;
import org.sagebionetworks.accessrecords.testing.OddRecords;
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
        for (String raw : OddRecords.edgeCases()) {
            assertSameAsThroughObjects(raw.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void givesTheSameOutcomeForMangledRecords() {
        OddRecords.mangled(13L, 10_000).forEach(this::assertSameAsThroughObjects);
    }

    /** Scanning checks UTF-8 as it goes, so ill-formed bytes anywhere must still reach the parser's verdict. */
    @Test
    void givesTheSameOutcomeForBytesThatAreNotUtf8Text() {
        OddRecords.withSequencesInserted(19L, 5_000).forEach(this::assertSameAsThroughObjects);
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
}
