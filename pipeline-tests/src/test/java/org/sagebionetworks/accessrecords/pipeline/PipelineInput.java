package org.sagebionetworks.accessrecords.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.sagebionetworks.accessrecords.schema.ProcessedAccessRecord;
import org.sagebionetworks.accessrecords.testing.RawRecords;
import org.sagebionetworks.accessrecords.testing.SyntheticTraffic;
import org.sagebionetworks.accessrecords.testsupport.ExpectedTable;

/**
 * What the pipeline test sends: Synapse-like traffic in the months the fixed-date dashboards ask about and in
 * the last days the relative ones ask about, both sides of a UTC midnight, 500s and a much-requested entity so
 * no dashboard answer is empty, producer retries, and broken lines. The expected table is computed here by the
 * enrichment core alone, with no Kafka, Connect or SQL involved.
 */
final class PipelineInput {

    static final String LAST_MILLI_OF_DAY = "edge-last-milli";
    static final String FIRST_MILLI_OF_DAY = "edge-first-milli";
    static final int BROKEN_LINES = 4;
    static final long HOT_ENTITY = 4242L;

    final List<String> lines = new ArrayList<>();
    final Map<String, ProcessedAccessRecord> expected;
    final int retried;

    PipelineInput(Instant now) {
        history();
        edgesOfADay();
        List<String> recent = recent(now);
        lines.addAll(recent);
        pinnedAnswers(now);
        // Producer retries repeat the newest records, well inside the dedup horizon of their partitions.
        List<String> retries = recent.subList(recent.size() - 5, recent.size());
        lines.addAll(List.copyOf(retries));
        retried = retries.size();
        broken();
        expected = ExpectedTable.of(lines);
    }

    Collection<ProcessedAccessRecord> rows() {
        return expected.values();
    }

    /** The rows of the serving feed's window: those from the run's cutover instant on. */
    List<ProcessedAccessRecord> served() {
        return expected.values().stream()
                .filter(row -> !row.getTimestamp().isBefore(Pipeline.SERVING_FROM))
                .toList();
    }

    private void history() {
        SyntheticTraffic august = new SyntheticTraffic(
                7L,
                Instant.parse("2023-07-28T00:00:00Z").toEpochMilli(),
                Duration.ofHours(6).toMillis());
        for (int i = 0; i < 150; i++) {
            lines.add(august.next());
        }
    }

    private void edgesOfADay() {
        lines.add(RawRecords.example()
                .sessionId(LAST_MILLI_OF_DAY)
                .timestamp(Instant.parse("2023-11-14T23:59:59.999Z").toEpochMilli())
                .json());
        lines.add(RawRecords.example()
                .sessionId(FIRST_MILLI_OF_DAY)
                .timestamp(Instant.parse("2023-11-15T00:00:00.000Z").toEpochMilli())
                .json());
    }

    private static List<String> recent(Instant now) {
        SyntheticTraffic lately = new SyntheticTraffic(
                11L,
                now.minus(Duration.ofDays(12)).toEpochMilli(),
                Duration.ofMinutes(60).toMillis());
        List<String> recent = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            recent.add(lately.next());
        }
        return recent;
    }

    private void pinnedAnswers(Instant now) {
        long yesterday = now.minus(Duration.ofDays(1)).toEpochMilli();
        for (int i = 0; i < 4; i++) {
            lines.add(RawRecords.example()
                    .sessionId("server-error-" + i)
                    .timestamp(yesterday + i)
                    .with("responseStatus", 500L)
                    .with("success", false)
                    .json());
            lines.add(RawRecords.example()
                    .sessionId("hot-entity-" + i)
                    .timestamp(yesterday + 1000 + i)
                    .with("userId", 100L + i % 2)
                    .with("requestURL", "/repo/v1/entity/syn" + HOT_ENTITY + "/bundle")
                    .json());
        }
    }

    private void broken() {
        lines.add("{\"payload\": {\"sessionId\": \"broken\"");
        lines.add(RawRecords.example().sessionId("no-method").without("method").json());
        lines.add(RawRecords.example()
                .sessionId("typed")
                .with("timestamp", "noon")
                .json());
        lines.add("\u0000\u0001 not json");
    }
}
