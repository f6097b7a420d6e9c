package org.sagebionetworks.accessrecords.publisher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.sagebionetworks.accessrecords.core.Outcome;
import org.sagebionetworks.accessrecords.core.validation.RawRecordParser;
import org.sagebionetworks.accessrecords.schema.RawAccessRecordEnvelope;
import org.sagebionetworks.accessrecords.testing.RawRecords;
import org.sagebionetworks.accessrecords.testing.SyntheticTraffic;

class PublisherEnvelopeJsonTest {

    private final RawRecordParser parser = new RawRecordParser();

    @Test
    void theReferenceExampleIsWrittenBackCharacterForCharacter() {
        RawAccessRecordEnvelope typed = parse(RawRecords.EXAMPLE);

        assertThat(new String(EnvelopeJson.toBytes(typed), StandardCharsets.UTF_8))
                .isEqualTo(RawRecords.EXAMPLE);
    }

    @Test
    void syntheticTrafficSurvivesTheRoundTripFieldForField() {
        SyntheticTraffic traffic = new SyntheticTraffic(11L, 1_700_000_000_000L, 50L);
        for (int i = 0; i < 2_000; i++) {
            RawAccessRecordEnvelope typed = parse(traffic.next());

            assertThat(parse(new String(EnvelopeJson.toBytes(typed), StandardCharsets.UTF_8)))
                    .isEqualTo(typed);
        }
    }

    @Test
    void nullFieldsAreWrittenOutAsSynapseDoes() {
        RawAccessRecordEnvelope typed =
                parse(RawRecords.example().with("userAgent", null).json());
        typed.setStack(null);

        String json = new String(EnvelopeJson.toBytes(typed), StandardCharsets.UTF_8);

        assertThat(json).startsWith("{\"stack\":null,").contains("\"userAgent\":null");
    }

    private RawAccessRecordEnvelope parse(String json) {
        Outcome<RawAccessRecordEnvelope> outcome = parser.parse(json.getBytes(StandardCharsets.UTF_8));
        assertThat(outcome).isInstanceOf(Outcome.Accepted.class);
        return ((Outcome.Accepted<RawAccessRecordEnvelope>) outcome).value();
    }
}
