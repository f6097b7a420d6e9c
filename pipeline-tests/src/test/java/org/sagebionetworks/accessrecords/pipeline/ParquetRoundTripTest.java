package org.sagebionetworks.accessrecords.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sagebionetworks.accessrecords.core.AccessRecordEnricher;
import org.sagebionetworks.accessrecords.core.Outcome;
import org.sagebionetworks.accessrecords.core.Outcome.Accepted;
import org.sagebionetworks.accessrecords.schema.ProcessedAccessRecord;
import org.sagebionetworks.accessrecords.testing.RawRecords;

/** What the enrich command prints is what the table holds: text the parser accepts survives the Parquet writer. */
class ParquetRoundTripTest {

    private final AccessRecordEnricher enricher = new AccessRecordEnricher();

    static Stream<Arguments> acceptedText() {
        return Stream.of(
                Arguments.of("the reference example", RawRecords.example().json()),
                Arguments.of(
                        "ESC in a /2fa URL",
                        RawRecords.example()
                                .with("requestURL", "/repo/v1/2fa/\u001b[31mx")
                                .json()),
                Arguments.of(
                        "escaped NUL",
                        RawRecords.example().with("userAgent", "a\u0000b").json()),
                Arguments.of(
                        "C1 control",
                        RawRecords.example().with("userAgent", "a\u009b2J").json()),
                Arguments.of(
                        "escaped surrogate pair",
                        RawRecords.example().json().replace("synapseclient/", "synapseclient/\\ud83d\\ude00")),
                Arguments.of(
                        "raw four-byte UTF-8 in a URL",
                        RawRecords.example()
                                .with("requestURL", "/repo/v1/entity/syn1/\ud83d\ude00")
                                .json()),
                Arguments.of(
                        "dotted capital I and final sigma",
                        RawRecords.example()
                                .with("requestURL", "/repo/v1/\u0130\u03a3/ΟΔΟΣ")
                                .json()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("acceptedText")
    void acceptedTextComesBackFromTheTableUnchanged(String name, String line) throws IOException {
        ProcessedAccessRecord row = accepted(line.getBytes(StandardCharsets.UTF_8));

        assertThat(ParquetRoundTrip.throughTheTable(row)).isEqualTo(ParquetRoundTrip.columns(row));
    }

    @Test
    void theRoundTripSeesTextParquetCannotHold() throws IOException {
        ProcessedAccessRecord row = accepted(RawRecords.example().bytes());
        row.setUserAgent("a\ud800b");

        assertThat(ParquetRoundTrip.throughTheTable(row)).isNotEqualTo(ParquetRoundTrip.columns(row));
    }

    private ProcessedAccessRecord accepted(byte[] line) {
        Outcome<ProcessedAccessRecord> outcome = enricher.enrich(line);
        assertThat(outcome).isInstanceOf(Accepted.class);
        return ((Accepted<ProcessedAccessRecord>) outcome).value();
    }
}
