package org.sagebionetworks.accessrecords.service.processed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sagebionetworks.accessrecords.converter.ProcessedRecordConverter;
import org.sagebionetworks.accessrecords.core.AccessRecordEnricher;
import org.sagebionetworks.accessrecords.core.Outcome;
import org.sagebionetworks.accessrecords.core.Outcome.Accepted;
import org.sagebionetworks.accessrecords.schema.ProcessedAccessRecord;
import org.sagebionetworks.accessrecords.testing.SyntheticTraffic;

/**
 * The compact format's promise to the table: for the same row, the Avro single-object message read by
 * {@link ProcessedRecordConverter} is the very Connect struct that Kafka's JsonConverter reads from today's
 * envelope, so the S3 sink writes the same Parquet row from either.
 */
class ProcessedFormatParityTest {

    private static final String TOPIC = "synapse.accessrecords.processed.v1";
    private static final AccessRecordEnricher ENRICHER = new AccessRecordEnricher();

    static Stream<ProcessedAccessRecord> rows() {
        SyntheticTraffic traffic = new SyntheticTraffic(42, 1_700_000_000_000L, 250);
        return Stream.generate(traffic::next)
                .map(line -> ENRICHER.enrich(line.getBytes(StandardCharsets.UTF_8)))
                .filter(Accepted.class::isInstance)
                .map(ProcessedFormatParityTest::row)
                .limit(200);
    }

    @ParameterizedTest
    @MethodSource("rows")
    void theSinkGetsTheSameStructFromTheAvroMessageAsFromTheEnvelope(ProcessedAccessRecord row) throws IOException {
        Struct fromEnvelope = (Struct) ConnectEnvelopeSerde.converter()
                .toConnectData(TOPIC, ConnectEnvelopeSerde.toEnvelope(row))
                .value();

        Struct fromAvro = (Struct) new ProcessedRecordConverter()
                .toConnectData(TOPIC, bytes(row.toByteBuffer()))
                .value();

        assertThat(fromAvro).isEqualTo(fromEnvelope);
    }

    @SuppressWarnings("unchecked")
    private static ProcessedAccessRecord row(Outcome<ProcessedAccessRecord> outcome) {
        return ((Accepted<ProcessedAccessRecord>) outcome).value();
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }
}
