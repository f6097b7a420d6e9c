package org.sagebionetworks.accessrecords.service.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sagebionetworks.accessrecords.kafka.DeadLetterHeaders;
import org.sagebionetworks.accessrecords.schema.PipelineVersion;
import org.sagebionetworks.accessrecords.schema.ProcessedAccessRecord;
import org.sagebionetworks.accessrecords.service.config.DedupConfig;
import org.sagebionetworks.accessrecords.service.config.ServingConfig;
import org.sagebionetworks.accessrecords.service.config.TopicsConfig;
import org.sagebionetworks.accessrecords.testing.RawRecords;

/** A version with a private history topic reads it beside the raw topic, through the same steps and dedup store. */
class HistoryInputTopologyTest {

    private static final Instant WALL_CLOCK = Instant.parse("2026-11-24T12:00:00Z");
    private static final AccessRecordTopics TOPICS = AccessRecordTopics.from(
            new TopicsConfig("raw", "processed", "dlq", true, 1, (short) 1, 8_388_608, "history"),
            PipelineVersion.of("v2"),
            ServingConfig.NONE);

    private TopologyRun run;
    private TestInputTopic<byte[], byte[]> raw;
    private TestInputTopic<byte[], byte[]> history;
    private TestOutputTopic<byte[], ProcessedAccessRecord> processed;
    private TestOutputTopic<byte[], byte[]> deadLetters;

    @BeforeEach
    void start() {
        run = new TopologyRun(
                TOPICS, new DedupConfig(Duration.ofHours(24), null), true, new SimpleMeterRegistry(), WALL_CLOCK);
        raw = run.input(TOPICS.raw());
        history = run.input(TOPICS.history());
        processed = run.rows(TOPICS.processed());
        deadLetters = run.output(TOPICS.deadLetter());
    }

    @AfterEach
    void close() {
        run.close();
    }

    @Test
    void theVersionReadsTheRawAndItsHistoryTopic() {
        assertThat(TOPICS.inputs()).containsExactly("raw", "history");
    }

    @Test
    void historyRecordsBecomeRowsAndTheirCopiesInTheRawTopicAreDropped() {
        pipe(history, RawRecords.example().sessionId("old").timestamp(1_600_000_000_000L));
        pipe(history, RawRecords.example().sessionId("both"));
        pipe(raw, RawRecords.example().sessionId("both"));
        pipe(raw, RawRecords.example().sessionId("live"));

        assertThat(processed.readKeyValuesToList())
                .extracting(row -> utf8(row.key))
                .containsExactly("old", "both", "live");
    }

    @Test
    void aBadHistoryRecordIsDeadLetteredNamingTheHistoryTopic() {
        history.pipeInput("k".getBytes(StandardCharsets.UTF_8), "{".getBytes(StandardCharsets.UTF_8));

        assertThat(deadLetters.readRecordsToList())
                .singleElement()
                .satisfies(letter -> assertThat(utf8(letter.headers()
                                .lastHeader(DeadLetterHeaders.SOURCE_TOPIC)
                                .value()))
                        .isEqualTo("history"));
    }

    @Test
    void withoutAHistoryTopicTheRawTopicIsTheOnlyInput() {
        AccessRecordTopics rawOnly = AccessRecordTopics.from(
                new TopicsConfig("raw", "processed", "dlq", true, 1, (short) 1, 8_388_608, null),
                PipelineVersion.of("v2"),
                ServingConfig.NONE);

        assertThat(rawOnly.history()).isNull();
        assertThat(rawOnly.inputs()).isEqualTo(List.of("raw"));
    }

    private static void pipe(TestInputTopic<byte[], byte[]> topic, RawRecords record) {
        topic.pipeInput(record.payload().get("sessionId").asText().getBytes(StandardCharsets.UTF_8), record.bytes());
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
