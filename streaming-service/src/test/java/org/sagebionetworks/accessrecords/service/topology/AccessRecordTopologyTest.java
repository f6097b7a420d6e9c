package org.sagebionetworks.accessrecords.service.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sagebionetworks.accessrecords.core.AccessRecordEnricher;
import org.sagebionetworks.accessrecords.core.Outcome.Accepted;
import org.sagebionetworks.accessrecords.kafka.DeadLetterHeaders;
import org.sagebionetworks.accessrecords.schema.PipelineVersion;
import org.sagebionetworks.accessrecords.schema.ProcessedAccessRecord;
import org.sagebionetworks.accessrecords.service.config.DedupConfig;
import org.sagebionetworks.accessrecords.service.config.ServingConfig;
import org.sagebionetworks.accessrecords.service.config.TopicsConfig;
import org.sagebionetworks.accessrecords.service.dedup.DedupStep;
import org.sagebionetworks.accessrecords.testing.RawRecords;

/** The topology's behaviour, one case per test, on Kafka's TopologyTestDriver. */
class AccessRecordTopologyTest {

    private static final Duration HORIZON = Duration.ofHours(24);
    private static final Duration MAX_CLOCK_SKEW = Duration.ofHours(1);
    private static final Instant WALL_CLOCK = Instant.parse("2026-11-24T12:00:00Z");
    private static final Instant YEAR_2099 = Instant.parse("2099-12-31T00:00:00Z");
    private static final AccessRecordTopics TOPICS = AccessRecordTopics.from(
            new TopicsConfig("raw", "processed", "dlq", true, 1, (short) 1, 8_388_608, null),
            PipelineVersion.of(PipelineVersion.DEFAULT),
            ServingConfig.NONE);

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private TopologyRun run;
    private TopologyTestDriver driver;
    private TestInputTopic<byte[], byte[]> raw;
    private TestOutputTopic<byte[], ProcessedAccessRecord> processed;
    private TestOutputTopic<byte[], byte[]> deadLetters;

    @AfterEach
    void close() {
        if (run != null) {
            run.close();
        }
    }

    @Test
    void aValidRecordBecomesItsRowKeyedBySessionIdStampedWithProcessingTime() {
        start(true);
        RawRecords record = RawRecords.example();

        pipe(record);

        TestRecord<byte[], ProcessedAccessRecord> row = processed.readRecord();
        assertThat(utf8(row.key())).isEqualTo("7dfda870-44ab-4620-81ff-0c9c41236b6a");
        assertThat(row.value()).isEqualTo(coreRow(record));
        assertThat(row.getRecordTime()).isEqualTo(WALL_CLOCK);
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    @Test
    void aBadRecordGoesToTheDeadLetterTopicAsItCameWithReasonAndSource() {
        start(true);
        byte[] bad = "{\"payload\": {\"sessionId\": \"s-1\", ".getBytes(StandardCharsets.UTF_8);
        Headers original = new RecordHeaders().add("trace", "t-1".getBytes(StandardCharsets.UTF_8));

        raw.pipeInput(new TestRecord<>(
                "k-1".getBytes(StandardCharsets.UTF_8), bad, original, Instant.ofEpochMilli(1_700_000_000_000L)));

        TestRecord<byte[], byte[]> letter = deadLetters.readRecord();
        assertThat(utf8(letter.key())).isEqualTo("k-1");
        assertThat(letter.value()).isEqualTo(bad);
        assertThat(header(letter, DeadLetterHeaders.ERROR_CLASS)).isEqualTo("MALFORMED_JSON");
        assertThat(header(letter, DeadLetterHeaders.ERROR_MESSAGE))
                .startsWith("MALFORMED_JSON: Unexpected end-of-input");
        assertThat(header(letter, DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo("raw");
        assertThat(header(letter, DeadLetterHeaders.SOURCE_PARTITION)).isEqualTo("0");
        assertThat(header(letter, DeadLetterHeaders.SOURCE_OFFSET)).isEqualTo("0");
        assertThat(header(letter, DeadLetterHeaders.SOURCE_TIMESTAMP)).isEqualTo("1700000000000");
        assertThat(letter.getRecordTime()).isEqualTo(WALL_CLOCK);
        assertThat(header(letter, "trace")).isEqualTo("t-1");
        assertThat(processed.isEmpty()).isTrue();
        assertThat(counter("access.records.dead.lettered", "MALFORMED_JSON")).isEqualTo(1);
    }

    @Test
    void goodRecordsAroundBadOnesFlowOn() {
        start(true);

        pipe(RawRecords.example().sessionId("s-1"));
        raw.pipeInput("s-x".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xff, 0x00, 0x13});
        pipe(RawRecords.example().sessionId("s-2").without("method"));
        raw.pipeInput("s-y".getBytes(StandardCharsets.UTF_8), (byte[]) null);
        pipe(RawRecords.example().sessionId("s-3"));

        assertThat(processed.readKeyValuesToList())
                .extracting(kv -> utf8(kv.key))
                .containsExactly("s-1", "s-3");
        assertThat(deadLetters.readRecordsToList())
                .extracting(r -> header(r, DeadLetterHeaders.ERROR_CLASS))
                .containsExactly("MALFORMED_JSON", "MISSING_FIELD", "MALFORMED_JSON");
        assertThat(counter("access.records.in")).isEqualTo(5);
        assertThat(counter("access.records.out")).isEqualTo(2);
    }

    @Test
    void aDuplicateWithinTheHorizonIsDroppedAndCounted() {
        start(true);

        pipe(RawRecords.example().sessionId("s-1"));
        pipe(RawRecords.example().sessionId("s-2"));
        pipe(RawRecords.example().sessionId("s-1"));

        assertThat(processed.readKeyValuesToList())
                .extracting(kv -> utf8(kv.key))
                .containsExactly("s-1", "s-2");
        assertThat(counter("access.records.duplicates.dropped")).isEqualTo(1);
    }

    @Test
    void theSameSessionIdAtAnotherTimeIsAnotherRecord() {
        start(true);

        pipe(RawRecords.example().sessionId("s-1").timestamp(1_700_000_000_000L));
        pipe(RawRecords.example().sessionId("s-1").timestamp(1_700_000_000_001L));

        assertThat(processed.readValuesToList())
                .extracting(row -> row.getTimestamp().toEpochMilli())
                .containsExactly(1_700_000_000_000L, 1_700_000_000_001L);
        assertThat(counter("access.records.duplicates.dropped")).isZero();
    }

    @Test
    void aRecordOlderThanTheHorizonIsEmittedAndCountedAsLate() {
        start(true);
        long now = 1_700_000_000_000L;

        pipe(RawRecords.example().sessionId("s-old").timestamp(now - HORIZON.toMillis() - 1));
        pipe(RawRecords.example().sessionId("s-new").timestamp(now));
        pipe(RawRecords.example().sessionId("s-old").timestamp(now - HORIZON.toMillis() - 1));
        pipe(RawRecords.example().sessionId("s-edge").timestamp(now - HORIZON.toMillis()));

        assertThat(processed.readKeyValuesToList())
                .extracting(kv -> utf8(kv.key))
                .containsExactly("s-old", "s-new", "s-old", "s-edge");
        assertThat(counter("access.records.late")).isEqualTo(1);
        assertThat(counter("access.records.duplicates.dropped")).isZero();
    }

    @Test
    void aRecordFurtherAheadOfItsArrivalThanTheClockSkewAllowsIsDeadLetteredAndDedupStaysOn() {
        start(true);
        Instant arrival = WALL_CLOCK.minusSeconds(60);
        long anHourAgo = WALL_CLOCK.minus(Duration.ofHours(1)).toEpochMilli();

        pipeArrivingAt(RawRecords.example().sessionId("s-2099").timestamp(YEAR_2099.toEpochMilli()), arrival);
        pipeArrivingAt(RawRecords.example().sessionId("s-1").timestamp(anHourAgo), arrival);
        pipeArrivingAt(RawRecords.example().sessionId("s-1").timestamp(anHourAgo), arrival);

        assertThat(processed.readKeyValuesToList())
                .extracting(kv -> utf8(kv.key))
                .containsExactly("s-1");
        TestRecord<byte[], byte[]> letter = deadLetters.readRecord();
        assertThat(utf8(letter.key())).isEqualTo("s-2099");
        assertThat(header(letter, DeadLetterHeaders.ERROR_CLASS)).isEqualTo("ABSURD_VALUE");
        assertThat(header(letter, DeadLetterHeaders.ERROR_MESSAGE))
                .startsWith("ABSURD_VALUE payload.timestamp: 2099-12-31T00:00:00Z is ")
                .contains("ahead of its arrival (2026-11-24T11:59:00Z)", "access-records.dedup.max-clock-skew", "PT1H");
        assertThat(counter("access.records.duplicates.dropped")).isEqualTo(1);
        assertThat(counter("access.records.late")).isZero();
    }

    @Test
    void aRecordStampedWithItsOwnFutureTimeIsJudgedByTheWallClock() {
        start(true);
        Instant skewed = WALL_CLOCK.plus(Duration.ofHours(25));

        pipeArrivingAt(RawRecords.example().sessionId("s-skewed").timestamp(skewed.toEpochMilli()), skewed);

        assertThat(processed.isEmpty()).isTrue();
        assertThat(header(deadLetters.readRecord(), DeadLetterHeaders.ERROR_MESSAGE))
                .contains("is PT25H ahead of its arrival (2026-11-24T12:00:00Z)");
        assertThat(counter("access.records.dead.lettered", "ABSURD_VALUE")).isEqualTo(1);
    }

    @Test
    void aRecordWithinTheClockSkewIsAnOrdinaryRow() {
        start(true);
        Instant ahead = WALL_CLOCK.plus(Duration.ofMinutes(59));

        pipeArrivingAt(RawRecords.example().sessionId("s-ahead").timestamp(ahead.toEpochMilli()), ahead);

        assertThat(processed.readKeyValuesToList())
                .extracting(kv -> utf8(kv.key))
                .containsExactly("s-ahead");
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    @Test
    void aReplayJudgesARecordByItsKafkaTimestampWhenThatIsEarlierThanTheClock() {
        start(true);
        Instant arrivedDaysAgo = WALL_CLOCK.minus(Duration.ofDays(4));

        pipeArrivingAt(
                RawRecords.example()
                        .sessionId("s-ahead")
                        .timestamp(arrivedDaysAgo.plus(Duration.ofHours(2)).toEpochMilli()),
                arrivedDaysAgo);

        assertThat(processed.isEmpty()).isTrue();
        assertThat(header(deadLetters.readRecord(), DeadLetterHeaders.ERROR_MESSAGE))
                .contains("is PT2H ahead of its arrival (2026-11-20T12:00:00Z)");
    }

    @Test
    void aStoredNewestEventTimeBeyondTheClockSkewNoLongerSwitchesDedupOff() {
        start(true);
        driver.<String, Long>getKeyValueStore(DedupStep.NEWEST_EVENT_TIME).put("newest", YEAR_2099.toEpochMilli());
        long anHourAgo = WALL_CLOCK.minus(Duration.ofHours(1)).toEpochMilli();

        pipe(RawRecords.example().sessionId("s-1").timestamp(anHourAgo));
        pipe(RawRecords.example().sessionId("s-1").timestamp(anHourAgo));

        assertThat(processed.readKeyValuesToList())
                .extracting(kv -> utf8(kv.key))
                .containsExactly("s-1");
        assertThat(counter("access.records.duplicates.dropped")).isEqualTo(1);
        assertThat(counter("access.records.late")).isZero();
    }

    @Test
    void aKeyThatIsNotTheSessionIdIsCountedWhenTheInputIsDeclaredKeyed() {
        start(true);

        raw.pipeInput(
                "producer-chose-this".getBytes(StandardCharsets.UTF_8),
                RawRecords.example().bytes());

        assertThat(utf8(processed.readRecord().key())).isEqualTo("7dfda870-44ab-4620-81ff-0c9c41236b6a");
        assertThat(counter("access.records.key.mismatch")).isEqualTo(1);
    }

    @Test
    void aKeyedInputNeedsNoRepartitionTopic() {
        assertThat(topology(true).describe().toString()).doesNotContain("repartition");
    }

    @Test
    void anUnkeyedInputIsReKeyedBeforeDedupAndStillDeduplicated() {
        start(false);

        raw.pipeInput((byte[]) null, RawRecords.example().sessionId("s-1").bytes());
        raw.pipeInput(
                "other".getBytes(StandardCharsets.UTF_8),
                RawRecords.example().sessionId("s-1").bytes());

        assertThat(topology(false).describe().toString())
                .contains(AccessRecordTopology.REPARTITION_NAME + "-repartition");
        assertThat(processed.readKeyValuesToList())
                .extracting(kv -> utf8(kv.key))
                .containsExactly("s-1");
        assertThat(counter("access.records.duplicates.dropped")).isEqualTo(1);
    }

    @Test
    void theEventTimeLagGaugeFollowsTheNewestRow() {
        start(true);

        pipe(RawRecords.example().timestamp(1_700_000_000_000L));

        double lag =
                registry.get("access.records.event.time.lag.seconds").gauge().value();
        assertThat(lag).isCloseTo((Clock.systemUTC().millis() - 1_700_000_000_000L) / 1000.0, Offset.offset(5.0));
    }

    private void start(boolean keyed) {
        run = new TopologyRun(TOPICS, new DedupConfig(HORIZON, MAX_CLOCK_SKEW), keyed, registry, WALL_CLOCK);
        driver = run.driver;
        raw = run.input(TOPICS.raw());
        processed = run.rows(TOPICS.processed());
        deadLetters = run.output(TOPICS.deadLetter());
    }

    private Topology topology(boolean keyed) {
        return TopologyRun.topology(TOPICS, new DedupConfig(HORIZON, MAX_CLOCK_SKEW), keyed, registry);
    }

    private void pipe(RawRecords record) {
        raw.pipeInput(record.payload().get("sessionId").asText().getBytes(StandardCharsets.UTF_8), record.bytes());
    }

    /** A raw record whose Kafka timestamp says when it arrived; the producers stamp their own clock's time. */
    private void pipeArrivingAt(RawRecords record, Instant arrival) {
        raw.pipeInput(new TestRecord<>(
                record.payload().get("sessionId").asText().getBytes(StandardCharsets.UTF_8),
                record.bytes(),
                new RecordHeaders(),
                arrival));
    }

    private static ProcessedAccessRecord coreRow(RawRecords record) {
        return ((Accepted<ProcessedAccessRecord>) new AccessRecordEnricher().enrich(record.bytes())).value();
    }

    private double counter(String name, String... reason) {
        var search = registry.find(name);
        if (reason.length > 0) {
            search = search.tag("reason", reason[0]);
        }
        var counter = search.counter();
        return counter == null ? 0 : counter.count();
    }

    private static String header(TestRecord<byte[], ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : utf8(header.value());
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
