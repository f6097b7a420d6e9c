package org.sagebionetworks.accessrecords.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.sagebionetworks.accessrecords.connect.Layout;
import org.sagebionetworks.accessrecords.queries.LocalTable;
import org.sagebionetworks.accessrecords.schema.ProcessedAccessRecord;
import org.sagebionetworks.accessrecords.schema.SharedNames;
import org.sagebionetworks.accessrecords.testing.RawRecords;
import org.sagebionetworks.accessrecords.testsupport.ExpectedTable;

/**
 * S3 goes away for 30 s while rows keep coming: the (stand-in) sink waits it out as Confluent's does, and when S3
 * is back every row is in the table once. Before, the sink task died for good after its upload retries (~1.4 s).
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class S3OutageIT {

    private static final Duration OUTAGE = Duration.ofSeconds(30);
    private static final Duration PATIENCE = Duration.ofMinutes(3);

    @TempDir
    Path work;

    @Test
    void aThirtySecondS3OutageLosesAndDuplicatesNothing() throws Exception {
        List<String> lines = new ArrayList<>();
        SyntheticStream.bounded(1200, 2, Instant.now()).forEachRemaining(lines::add);
        Map<String, ProcessedAccessRecord> expected = ExpectedTable.of(lines);
        StackSettings settings = new StackSettings(work, 0, 0, 0);
        SinkSpec sink = SinkSpec.version(Layout.RECORD_DATE, "processed/v1", 25);
        TableCounts table = new TableCounts(settings.tableDir(sink));

        try (LocalStack stack = LocalStack.start(settings);
                KafkaProducer<byte[], byte[]> producer = producer(stack)) {
            stack.addSink(sink);
            int half = lines.size() / 2;
            send(producer, stack, lines.subList(0, half));
            awaitFiles(table);

            long outageStarted = System.nanoTime();
            Thread outage = new Thread(() -> interrupt(stack), "s3-outage");
            outage.start();
            send(producer, stack, lines.subList(half, lines.size()));
            awaitEnricherRead(stack, lines.size());
            Thread.sleep(Math.max(0, OUTAGE.toMillis() - 2_000 - (System.nanoTime() - outageStarted) / 1_000_000));
            long rowsDuringOutage = table.rows();
            outage.join();

            assertThat(rowsDuringOutage).as("rows waited for S3 to come back").isLessThan(expected.size());
            assertThat(new TableWatch(stack, sink, table).awaitDrained(lines.size(), PATIENCE))
                    .isTrue();
            assertThat(table.rows()).isEqualTo(expected.size());
            assertThat(distinctRequests(settings.tableDir(sink))).isEqualTo(expected.size());
        }
    }

    private static void interrupt(LocalStack stack) {
        try {
            stack.interruptS3(OUTAGE);
        } catch (Exception e) {
            throw new IllegalStateException("could not bring S3 back", e);
        }
    }

    private static KafkaProducer<byte[], byte[]> producer(LocalStack stack) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        // KAFKA-15591: with more in flight, an idempotent producer can lose a partition's first batch.
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static void send(KafkaProducer<byte[], byte[]> producer, LocalStack stack, List<String> lines) {
        for (String line : lines) {
            byte[] key = RawRecords.sessionIdOf(line)
                    .map(id -> id.getBytes(StandardCharsets.UTF_8))
                    .orElse(null);
            producer.send(
                    new ProducerRecord<>(stack.enricherTopics().raw(), key, line.getBytes(StandardCharsets.UTF_8)));
        }
        producer.flush();
    }

    private static void awaitFiles(TableCounts table) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (table.files() == 0) {
            assertThat(System.nanoTime()).as("no file reached S3 in time").isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    private static void awaitEnricherRead(LocalStack stack, long records) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (stack.enricherCount(ServiceCounters.IN) < records) {
            assertThat(System.nanoTime())
                    .as("the enricher did not read every record in time")
                    .isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    private static long distinctRequests(Path tableDir) throws Exception {
        try (LocalTable table = LocalTable.over(tableDir)) {
            return Long.parseLong(table.run("SELECT count(*) FROM (SELECT DISTINCT session_id, timestamp FROM "
                            + SharedNames.VIEW + ")")
                    .textRows()
                    .get(0)
                    .get(0));
        }
    }
}
