package org.sagebionetworks.accessrecords.service.processed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.Test;
import org.sagebionetworks.accessrecords.converter.ConnectSchemas;
import org.sagebionetworks.accessrecords.core.AccessRecordEnricher;
import org.sagebionetworks.accessrecords.core.Outcome.Accepted;
import org.sagebionetworks.accessrecords.core.output.ProcessedRecordJson;
import org.sagebionetworks.accessrecords.schema.ProcessedAccessRecord;
import org.sagebionetworks.accessrecords.testing.RawRecords;

class ConnectEnvelopeSerdeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final ProcessedAccessRecord row = ((Accepted<ProcessedAccessRecord>) new AccessRecordEnricher()
                    .enrich(RawRecords.example()
                            .with("origin", "https://www.synapse.org")
                            .bytes()))
            .value();

    @Test
    void kafkasJsonConverterReadsTheEnvelopeBackToTheSameRow() {
        byte[] envelope = new ConnectEnvelopeSerde().serializer().serialize("processed", row);

        SchemaAndValue read = ConnectEnvelopeSerde.converter().toConnectData("processed", envelope);

        assertThat(read.schema()).isEqualTo(ConnectSchemas.processed());
        Struct struct = (Struct) read.value();
        assertThat(struct.getString("client")).isEqualTo("PYTHON");
        assertThat(struct.get("record_date"))
                .isEqualTo(java.util.Date.from(
                        LocalDate.of(2023, 11, 14).atStartOfDay(ZoneOffset.UTC).toInstant()));
        assertThat(new ConnectEnvelopeSerde().deserializer().deserialize("processed", envelope))
                .isEqualTo(row);
    }

    @Test
    void thePayloadIsTheEnrichCommandsRowWithRecordDateAsEpochDays() throws IOException {
        JsonNode payload = JSON.readTree(ConnectEnvelopeSerde.toEnvelope(row)).get("payload");
        JsonNode enrichOutput = JSON.readTree(ProcessedRecordJson.toJson(row));

        assertThat(payload.get("record_date").asLong())
                .isEqualTo(LocalDate.of(2023, 11, 14).toEpochDay());
        ((ObjectNode) payload).remove("record_date");
        ((ObjectNode) enrichOutput).remove("record_date");
        assertThat(payload).isEqualTo(enrichOutput);
    }
}
