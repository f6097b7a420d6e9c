package org.sagebionetworks.accessrecords.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.sagebionetworks.accessrecords.core.Outcome.Accepted;
import org.sagebionetworks.accessrecords.core.Outcome.Rejected;
import org.sagebionetworks.accessrecords.core.output.ProcessedRecordJson;
import org.sagebionetworks.accessrecords.core.validation.RejectionReason;
import org.sagebionetworks.accessrecords.schema.ProcessedAccessRecord;
import org.sagebionetworks.accessrecords.testing.RawRecords;

class AccessRecordEnricherTest {

    private final AccessRecordEnricher enricher = new AccessRecordEnricher();

    @Test
    void turnsTheReferenceExampleIntoItsTableRow() {
        String row = ProcessedRecordJson.toJson(enriched(RawRecords.example().bytes()));

        assertThat(row)
                .isEqualTo("{\"session_id\":\"7dfda870-44ab-4620-81ff-0c9c41236b6a\","
                        + "\"timestamp\":1700000000123,\"user_id\":1984530,\"method\":\"GET\","
                        + "\"request_url\":\"/repo/v1/entity/syn2498218/bundle\","
                        + "\"user_agent\":\"synapseclient/1.0.1 python-requests/2.1.0 CPython/2.7.3 Linux/3.2.0-54-virtual\","
                        + "\"host\":\"repo-prod.prod.sagebase.org\",\"origin\":null,\"x_forwarded_for\":\"203.0.113.7\","
                        + "\"via\":null,\"thread_id\":29152,\"elapse_ms\":72,\"success\":true,\"stack\":\"prod\","
                        + "\"instance\":\"500\",\"vm_id\":\"d63f5addbcb53ade:3bc2313e:14e6fef3e73:-7ffd\","
                        + "\"return_object_id\":null,\"query_string\":\"mask=3075\",\"response_status\":200,"
                        + "\"oauth_client_id\":null,\"basic_auth_username\":null,\"auth_method\":\"BEARERTOKEN\","
                        + "\"normalized_method_signature\":\"GET /entity/#/bundle\",\"client\":\"PYTHON\","
                        + "\"client_version\":\"1.0.1\",\"entity_id\":2498218,\"record_date\":\"2023-11-14\"}");
    }

    @Test
    void takesEverythingFromThePayloadNotTheEnvelope() {
        RawRecords record = RawRecords.example().with("stack", "dev").with("instance", "000000042");

        ProcessedAccessRecord row = enriched(record.bytes());

        assertThat(row.getStack()).isEqualTo("dev");
        assertThat(row.getInstance()).isEqualTo("42");
    }

    @Test
    void recordDateIsTheUtcDayAtBothEdgesOfMidnight() {
        assertThat(enriched(RawRecords.example().timestamp(1_680_825_599_999L).bytes())
                        .getRecordDate())
                .hasToString("2023-04-06");
        assertThat(enriched(RawRecords.example().timestamp(1_680_825_600_000L).bytes())
                        .getRecordDate())
                .hasToString("2023-04-07");
    }

    @Test
    void aRecordWithoutUserAgentIsAnUnknownClientWithoutVersion() {
        ProcessedAccessRecord row =
                enriched(RawRecords.example().with("userAgent", null).bytes());

        assertThat(row.getClient()).isEqualTo("UNKNOWN");
        assertThat(row.getClientVersion()).isNull();
    }

    @Test
    void aBadRecordComesBackAsARejectionNotAnException() {
        Outcome<ProcessedAccessRecord> outcome = enricher.enrich(new byte[] {1, 2, 3});

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        Rejected.class,
                        rejected ->
                                assertThat(rejected.rejection().reason()).isEqualTo(RejectionReason.MALFORMED_JSON));
    }

    private ProcessedAccessRecord enriched(byte[] json) {
        Outcome<ProcessedAccessRecord> outcome = enricher.enrich(json);
        assertThat(outcome).isInstanceOf(Accepted.class);
        return ((Accepted<ProcessedAccessRecord>) outcome).value();
    }
}
