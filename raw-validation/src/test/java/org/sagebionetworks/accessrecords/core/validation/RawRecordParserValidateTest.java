package org.sagebionetworks.accessrecords.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.sagebionetworks.accessrecords.core.Outcome;
import org.sagebionetworks.accessrecords.core.Outcome.Accepted;
import org.sagebionetworks.accessrecords.core.Outcome.Rejected;
import org.sagebionetworks.accessrecords.schema.RawAccessRecord;
import org.sagebionetworks.accessrecords.schema.RawAccessRecordEnvelope;
import org.sagebionetworks.accessrecords.testing.OddRecords;
import org.sagebionetworks.accessrecords.testing.SyntheticTraffic;

/** {@code validate}, which scans in one pass where it can, against {@code parse}: the same verdict and key. */
class RawRecordParserValidateTest {

    private final RawRecordParser parser = new RawRecordParser();
    private final ScannedRecord scratch = parser.newScannedRecord();

    @Test
    void scansSyntheticTrafficAndKeysItAsTheParserDoes() {
        SyntheticTraffic traffic = new SyntheticTraffic(23L, 1_700_000_000_000L, 50L);
        for (int i = 0; i < 2_000; i++) {
            byte[] line = traffic.next().getBytes(StandardCharsets.UTF_8);
            assertThat(parser.scan(line, 0, line.length, scratch)).isTrue();
            assertSameVerdict(line);
        }
    }

    @Test
    void judgesEdgeCasesAndMangledLinesAsTheParserDoes() {
        OddRecords.edgeCases().forEach(line -> assertSameVerdict(line.getBytes(StandardCharsets.UTF_8)));
        OddRecords.mangled(29L, 3_000).forEach(this::assertSameVerdict);
        OddRecords.withSequencesInserted(31L, 2_000).forEach(this::assertSameVerdict);
    }

    private void assertSameVerdict(byte[] line) {
        Outcome<RecordKey> validated = parser.validate(line, 0, line.length, scratch);
        Outcome<RawAccessRecordEnvelope> parsed = parser.parse(line);
        String input = new String(line, StandardCharsets.UTF_8);
        if (parsed instanceof Rejected<RawAccessRecordEnvelope> rejected) {
            assertThat(validated).as(input).isInstanceOf(Rejected.class);
            assertThat(((Rejected<RecordKey>) validated).rejection()).as(input).isEqualTo(rejected.rejection());
        } else {
            RawAccessRecord payload =
                    ((Accepted<RawAccessRecordEnvelope>) parsed).value().getPayload();
            assertThat(validated)
                    .as(input)
                    .isEqualTo(Outcome.accepted(new RecordKey(payload.getSessionId(), payload.getTimestamp())));
        }
    }
}
