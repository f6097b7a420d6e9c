package org.sagebionetworks.accessrecords.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sagebionetworks.accessrecords.core.AccessRecordEnricher;
import org.sagebionetworks.accessrecords.core.Outcome;
import org.sagebionetworks.accessrecords.core.Outcome.Accepted;
import org.sagebionetworks.accessrecords.core.Outcome.Rejected;
import org.sagebionetworks.accessrecords.core.validation.Rejection;
import org.sagebionetworks.accessrecords.core.validation.RejectionReason;
import org.sagebionetworks.accessrecords.schema.ProcessedAccessRecord;

/**
 * Coverage-guided fuzzing (Jazzer) of the raw-record parser and the enrichment, as one line of input: whatever
 * the bytes, the core answers with a row or with a rejection that names its reason, never with an exception and
 * never with ENRICHMENT_FAILED (a defect by definition); and a row comes back from the sink's Parquet writer
 * exactly as the enrich command prints it. Seeded with {@link FuzzSeeds}. In {@code ./mvnw verify} it fuzzes for
 * a bounded time in a JVM of its own (the {@code fuzz} execution in this module's pom); run alone, or from an
 * IDE without {@code JAZZER_FUZZ}, it only replays the seeds and any inputs saved under
 * {@code src/test/resources/.../CoreFuzzTestInputs}.
 */
class CoreFuzzTest {

    private static final AccessRecordEnricher ENRICHER = new AccessRecordEnricher();

    static Stream<Arguments> seeds() {
        return FuzzSeeds.lines().stream().map(line -> Arguments.of((Object) line));
    }

    @MethodSource("seeds")
    @FuzzTest(maxDuration = "20s")
    void everyLineIsARowThatSurvivesTheTableOrARejectionWithItsReason(byte[] line) throws IOException {
        Outcome<ProcessedAccessRecord> outcome = ENRICHER.enrich(line);

        if (outcome instanceof Rejected<ProcessedAccessRecord> rejected) {
            Rejection rejection = rejected.rejection();
            assertThat(rejection.reason())
                    .as(rejection.message())
                    .isNotNull()
                    .isNotEqualTo(RejectionReason.ENRICHMENT_FAILED);
            assertThat(rejection.detail()).as(rejection.message()).isNotBlank();
        } else {
            ProcessedAccessRecord row = ((Accepted<ProcessedAccessRecord>) outcome).value();
            assertThat(ParquetRoundTrip.throughTheTable(row)).isEqualTo(ParquetRoundTrip.columns(row));
        }
    }
}
