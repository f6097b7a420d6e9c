package org.sagebionetworks.accessrecords.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sagebionetworks.accessrecords.service.ServiceRecords.header;
import static org.sagebionetworks.accessrecords.service.ServiceRecords.metric;
import static org.sagebionetworks.accessrecords.service.ServiceRecords.text;
import static org.sagebionetworks.accessrecords.service.ServiceRecords.utf8;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sagebionetworks.accessrecords.kafka.DeadLetterHeaders;
import org.sagebionetworks.accessrecords.schema.ServiceMetricNames;
import org.sagebionetworks.accessrecords.service.metrics.EmfMeterRegistry;
import org.sagebionetworks.accessrecords.testing.RawRecords;
import org.sagebionetworks.accessrecords.testing.SampleFile;
import org.sagebionetworks.accessrecords.testsupport.KafkaCluster;

/** The real Micronaut service against a real KRaft broker, driven through its topics and its HTTP port. */
@ExtendWith(KafkaCluster.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class EnricherServiceIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Duration SETTLE = Duration.ofSeconds(2);

    @TempDir
    Path stateDir;

    @Test
    void everyValidRecordComesOutOnceFieldForFieldAsTheEnrichCommandWritesIt() throws Exception {
        List<String> lines = SampleFile.lines();
        Map<String, JsonNode> expected = ServiceRecords.expectedRows(lines);
        String sinkGroup = KafkaCluster.uniqueName("connect-s3-sink");
        try (RunningService service = RunningService.configure(
                                stateDir,
                                Map.of(
                                        "access-records.cloudwatch.enabled", "true",
                                        "access-records.freshness.sink-group", sinkGroup,
                                        "access-records.freshness.interval", "1s",
                                        "access-records.freshness.timeout", "1s"))
                        .start();
                KafkaProducer<byte[], byte[]> producer = KafkaCluster.producer(Map.of());
                KafkaConsumer<byte[], byte[]> rows = KafkaCluster.readCommittedConsumer(service.processed)) {

            ServiceRecords.send(producer, service.raw, lines);

            List<ConsumerRecord<byte[], byte[]>> out =
                    KafkaCluster.readUntil(rows, read -> read.size() >= expected.size(), WAIT, SETTLE);
            assertThat(out).hasSize(expected.size());
            for (ConsumerRecord<byte[], byte[]> row : out) {
                assertThat(ServiceRecords.asEnrichRow(row)).isEqualTo(expected.get(text(row.key())));
            }

            commitAsSink(sinkGroup, rows);
            List<JsonNode> cloudWatch = awaitLineWith(service, ServiceMetricNames.TABLE_PENDING_AGE);
            String prometheus = service.get("/prometheus").body();
            assertThat(metric(prometheus, "access_records_in_total")).isEqualTo(lines.size());
            assertThat(metric(prometheus, "access_records_out_total")).isEqualTo(expected.size());
            assertThat(metric(prometheus, "access_records_duplicates_dropped_total"))
                    .isEqualTo(SampleFile.RESENT.size());
            assertThat(metric(prometheus, "access_records_dead_lettered_total")).isEqualTo(SampleFile.BAD_LINES.size());
            assertThat(metric(prometheus, "access_records_event_time_lag_seconds"))
                    .isPositive();
            assertThat(awaitPendingAgeZero(service))
                    .as("the sink has committed every row")
                    .isZero();
            assertThat(prometheus).contains("kafka_stream_");
            assertThat(cloudWatch)
                    .flatExtracting(
                            line -> line.at("/_aws/CloudWatchMetrics/0/Metrics").findValuesAsText("Name"))
                    .containsAll(ServiceMetricNames.ALL)
                    .allSatisfy(name -> assertThat(prometheus).contains(name));
            assertThat(cloudWatch)
                    .extracting(
                            line -> line.path(ServiceMetricNames.APPLICATION_ID).asText())
                    .containsOnly(service.applicationId);
            assertThat(cloudWatch)
                    .filteredOn(line -> line.has(ServiceMetricNames.STREAMS_UP))
                    .singleElement()
                    .satisfies(line -> assertThat(
                                    line.path(ServiceMetricNames.STREAMS_UP).asInt())
                            .isOne());
            assertThat(service.get("/health").statusCode()).isEqualTo(200);
            assertThat(service.get("/health/readiness").body()).contains("\"status\":\"UP\"");
            assertThat(service.get("/health/liveness").statusCode()).isEqualTo(200);
        }
    }

    /** Commits what the consumer has read as the group {@code group}, as an S3 sink commits after its files. */
    private static void commitAsSink(String group, KafkaConsumer<byte[], byte[]> read) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> positions = new HashMap<>();
        read.assignment()
                .forEach(partition -> positions.put(partition, new OffsetAndMetadata(read.position(partition))));
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaCluster.bootstrapServers()))) {
            admin.alterConsumerGroupOffsets(group, positions).all().get(30, TimeUnit.SECONDS);
        }
    }

    /**
     * The table's pending age once it reads 0, or as it reads at the deadline: the probe that runs next after the
     * sink's commit sees it, and until then the gauge keeps the backlog an earlier probe read.
     */
    private static double awaitPendingAgeZero(RunningService service) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        double age = metric(service.get("/prometheus").body(), ServiceMetricNames.TABLE_PENDING_AGE);
        while (age != 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
            age = metric(service.get("/prometheus").body(), ServiceMetricNames.TABLE_PENDING_AGE);
        }
        return age;
    }

    /** The CloudWatch lines once one of them carries {@code metric}, which a probe on its interval publishes. */
    private static List<JsonNode> awaitLineWith(RunningService service, String metric) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            List<JsonNode> lines = ServiceRecords.jsonLines(
                    service.bean(EmfMeterRegistry.class).lines());
            if (lines.stream().anyMatch(line -> line.has(metric))) {
                return lines;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no CloudWatch line with " + metric + " after " + WAIT + ": " + lines);
            }
            Thread.sleep(200);
        }
    }

    @Test
    void badRecordsLandInTheDeadLetterTopicWithTheirReasonWhileGoodOnesFlowOn() throws Exception {
        RunningService configured = RunningService.configure(stateDir, Map.of());
        KafkaCluster.createTopic(configured.raw, 2, Map.of("max.message.bytes", String.valueOf(3 * 1024 * 1024)));
        byte[] twoMegabytes = RawRecords.example()
                .sessionId("s-huge")
                .with("userAgent", "u".repeat(2 * 1024 * 1024))
                .bytes();
        List<byte[]> bad = List.of(
                utf8("{\"payload\": {\"sessionId\": \"s-cut\""),
                RawRecords.example().sessionId("s-no-url").without("requestURL").bytes(),
                RawRecords.example()
                        .sessionId("s-typed")
                        .with("timestamp", "noon")
                        .bytes(),
                new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0},
                twoMegabytes);
        List<String> reasons = List.of("MALFORMED_JSON", "MISSING_FIELD", "WRONG_TYPE", "MALFORMED_JSON", "TOO_LARGE");

        try (RunningService service = configured.start();
                KafkaProducer<byte[], byte[]> producer =
                        KafkaCluster.producer(Map.of(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 4 * 1024 * 1024));
                KafkaConsumer<byte[], byte[]> letters = KafkaCluster.readCommittedConsumer(service.deadLetter);
                KafkaConsumer<byte[], byte[]> rows = KafkaCluster.readCommittedConsumer(service.processed)) {

            List<ProducerRecord<byte[], byte[]>> sent = new ArrayList<>();
            sent.add(new ProducerRecord<>(
                    service.raw,
                    0,
                    utf8("s-good-1"),
                    RawRecords.example().sessionId("s-good-1").bytes()));
            for (int i = 0; i < bad.size(); i++) {
                sent.add(new ProducerRecord<>(service.raw, 0, utf8("bad-" + i), bad.get(i)));
            }
            sent.add(new ProducerRecord<>(
                    service.raw,
                    0,
                    utf8("s-good-2"),
                    RawRecords.example().sessionId("s-good-2").bytes()));
            for (ProducerRecord<byte[], byte[]> record : sent) {
                producer.send(record).get();
            }

            List<ConsumerRecord<byte[], byte[]>> dead =
                    new ArrayList<>(KafkaCluster.readUntil(letters, read -> read.size() >= bad.size(), WAIT, SETTLE));
            dead.sort(Comparator.comparing(r -> Long.parseLong(header(r, DeadLetterHeaders.SOURCE_OFFSET))));
            assertThat(dead)
                    .extracting(r -> header(r, DeadLetterHeaders.ERROR_CLASS))
                    .containsExactlyElementsOf(reasons);
            for (int i = 0; i < bad.size(); i++) {
                ConsumerRecord<byte[], byte[]> letter = dead.get(i);
                assertThat(letter.value()).isEqualTo(bad.get(i));
                assertThat(text(letter.key())).isEqualTo("bad-" + i);
                assertThat(header(letter, DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo(service.raw);
                assertThat(header(letter, DeadLetterHeaders.SOURCE_PARTITION)).isEqualTo("0");
                assertThat(header(letter, DeadLetterHeaders.SOURCE_OFFSET)).isEqualTo(String.valueOf(i + 1));
                assertThat(header(letter, DeadLetterHeaders.ERROR_MESSAGE)).startsWith(reasons.get(i));
            }
            // Rows are keyed by session id, so the two may land in different partitions: no order between them.
            assertThat(KafkaCluster.readUntil(rows, read -> read.size() >= 2, WAIT, SETTLE))
                    .extracting(r -> text(r.key()))
                    .containsExactlyInAnyOrder("s-good-1", "s-good-2");
            String prometheus = service.get("/prometheus").body();
            assertThat(metric(prometheus, "access_records_dead_lettered_total")).isEqualTo(bad.size());
        }
    }

    @Test
    void duplicatesAreDroppedAcrossARestartWithLostLocalStateAndLateRecordsAreCounted(@TempDir Path otherStateDir)
            throws Exception {
        long now = 1_700_000_000_000L;
        RunningService first = RunningService.configure(stateDir, Map.of("access-records.dedup.horizon", "1h"));
        try (KafkaProducer<byte[], byte[]> producer = KafkaCluster.producer(Map.of());
                KafkaConsumer<byte[], byte[]> rows = KafkaCluster.readCommittedConsumer(first.processed)) {
            try (RunningService service = first.start()) {
                ServiceRecords.send(
                        producer,
                        service.raw,
                        List.of(
                                RawRecords.example()
                                        .sessionId("s-1")
                                        .timestamp(now)
                                        .json(),
                                RawRecords.example()
                                        .sessionId("s-2")
                                        .timestamp(now + 1)
                                        .json()));
                KafkaCluster.readUntil(rows, read -> read.size() >= 2, WAIT, Duration.ZERO);
            }
            try (RunningService restarted = first.sameTopics(
                            Map.of("access-records.state-dir", otherStateDir.toString()))
                    .start()) {
                ServiceRecords.send(
                        producer,
                        restarted.raw,
                        List.of(
                                RawRecords.example()
                                        .sessionId("s-1")
                                        .timestamp(now)
                                        .json(),
                                RawRecords.example()
                                        .sessionId("s-3")
                                        .timestamp(now + 2)
                                        .json(),
                                RawRecords.example()
                                        .sessionId("s-ancient")
                                        .timestamp(now - Duration.ofHours(2).toMillis())
                                        .json()));

                List<ConsumerRecord<byte[], byte[]>> after =
                        KafkaCluster.readUntil(rows, read -> read.size() >= 2, WAIT, SETTLE);
                assertThat(after).extracting(r -> text(r.key())).containsExactlyInAnyOrder("s-3", "s-ancient");
                String prometheus = restarted.get("/prometheus").body();
                assertThat(metric(prometheus, "access_records_duplicates_dropped_total"))
                        .isEqualTo(1);
                assertThat(metric(prometheus, "access_records_late_total")).isEqualTo(1);
            }
        }
    }
}
