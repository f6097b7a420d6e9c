package org.sagebionetworks.accessrecords.service.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.sagebionetworks.accessrecords.core.output.EncodedRow;
import org.sagebionetworks.accessrecords.schema.PipelineVersion;
import org.sagebionetworks.accessrecords.schema.ProcessedAccessRecord;
import org.sagebionetworks.accessrecords.schema.SharedNames;
import org.sagebionetworks.accessrecords.service.config.DedupConfig;
import org.sagebionetworks.accessrecords.service.config.ServingConfig;
import org.sagebionetworks.accessrecords.service.config.TopicsConfig;
import org.sagebionetworks.accessrecords.testing.RawRecords;

/**
 * Two versions hand the serving feed over at one instant, each reading the same raw records (retries included):
 * together they put every unique row from the first version's start on into the serving topic exactly once, which
 * is what a loader that loads each new file once needs to load no row twice and miss none.
 */
class ServingHandoverTest {

    private static final Instant WALL_CLOCK = Instant.parse("2026-11-24T12:00:00Z");
    private static final Instant CUTOVER = Instant.parse("2026-11-20T00:00:00Z");
    private static final Instant HANDOVER = Instant.parse("2026-11-23T00:00:00Z");

    @Test
    void twoVersionsHandingOverAtOneInstantServeEveryRowFromTheCutoverExactlyOnce() {
        List<RawRecords> input = input();

        List<ProcessedAccessRecord> blue =
                run("v1", new ServingConfig(CUTOVER.toString(), HANDOVER.toString(), SharedNames.SERVING_TOPIC), input);
        List<ProcessedAccessRecord> green =
                run("v2", new ServingConfig(HANDOVER.toString(), null, SharedNames.SERVING_TOPIC), input);

        List<String> served = new ArrayList<>(keys(blue));
        served.addAll(keys(green));
        assertThat(served).containsExactlyInAnyOrder("before-handover", "at-handover", "after-handover", "at-cutover");
        assertThat(keys(blue)).containsExactlyInAnyOrder("before-handover", "at-cutover");
    }

    @Test
    void aVersionThatDoesNotServeWritesNothingToTheServingTopicAndAServedRowEqualsItsProcessedRow() {
        List<RawRecords> input = input();

        assertThat(run("v3", ServingConfig.NONE, input)).isEmpty();
        Served all = runBoth("v1", new ServingConfig("2011-01-01T00:00:00Z", null, SharedNames.SERVING_TOPIC), input);
        assertThat(all.serving()).containsExactlyElementsOf(all.processed());
        assertThat(keys(all.processed())).hasSize(5);
    }

    /** Rows on both sides of each boundary, one before the cutover, and a producer's retry of one of them. */
    private static List<RawRecords> input() {
        RawRecords atHandover = record("at-handover", HANDOVER);
        return List.of(
                record("before-cutover", CUTOVER.minusMillis(1)),
                record("at-cutover", CUTOVER),
                record("before-handover", HANDOVER.minusMillis(1)),
                atHandover,
                record("after-handover", HANDOVER.plus(Duration.ofHours(2))),
                atHandover);
    }

    private static RawRecords record(String sessionId, Instant time) {
        return RawRecords.example().sessionId(sessionId).timestamp(time.toEpochMilli());
    }

    private static List<ProcessedAccessRecord> run(String version, ServingConfig serving, List<RawRecords> input) {
        return runBoth(version, serving, input).serving();
    }

    private record Served(List<ProcessedAccessRecord> processed, List<ProcessedAccessRecord> serving) {}

    private static Served runBoth(String version, ServingConfig serving, List<RawRecords> input) {
        AccessRecordTopics topics = AccessRecordTopics.from(
                new TopicsConfig("raw", null, "dlq", true, 1, (short) 1, 8_388_608, null),
                PipelineVersion.of(version),
                serving);
        try (TopologyRun run = new TopologyRun(
                topics,
                new DedupConfig(Duration.ofHours(24 * 7), Duration.ofHours(1)),
                true,
                new SimpleMeterRegistry(),
                WALL_CLOCK)) {
            TestInputTopic<byte[], byte[]> raw = run.input(topics.raw());
            input.forEach(record -> raw.pipeInput(new TestRecord<>(
                    record.payload().get("sessionId").asText().getBytes(StandardCharsets.UTF_8),
                    record.bytes(),
                    new RecordHeaders(),
                    WALL_CLOCK)));
            AccessRecordTopics.Topic<byte[], EncodedRow> servingTopic = new AccessRecordTopics.Topic<>(
                    SharedNames.SERVING_TOPIC,
                    topics.processed().keySerde(),
                    topics.processed().valueSerde());
            return new Served(
                    run.rows(topics.processed()).readValuesToList(),
                    run.rows(servingTopic).readValuesToList());
        }
    }

    private static List<String> keys(List<ProcessedAccessRecord> rows) {
        return rows.stream().map(ProcessedAccessRecord::getSessionId).toList();
    }
}
