package org.sagebionetworks.accessrecords.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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
import org.sagebionetworks.accessrecords.service.metrics.PipelineMetrics;
import org.sagebionetworks.accessrecords.testing.RawRecords;

/**
 * How long a partition's last file stays open once the partition goes quiet, measured on the local stack (broker,
 * enricher-service, a Connect worker with the stand-in sink, s3proxy) with production's flush.size: rotation
 * depends on record time only, as in Confluent's sink, so the tail waits for the partition's next record however
 * long that takes, and closes as soon as a record a rotation interval younger than its first row arrives.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class QuietPartitionIT {

    private static final int PRODUCTION_FLUSH_SIZE = 50_000;
    private static final int TAIL_ROWS = 20;
    /** Ten of the worker's offset-commit intervals: ample time for the sink to commit, had it closed the file. */
    private static final Duration QUIET = Duration.ofSeconds(10);

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Instant FIRST_ROW = Instant.parse("2024-03-05T10:00:00Z");
    private static final Duration LOCAL_ROTATE_INTERVAL = Duration.ofHours(1);

    @TempDir
    Path work;

    @Test
    void aQuietPartitionsTailStaysOpenUntilItsNextRecordAndClosesOnItsArrival() throws Exception {
        StackSettings settings = new StackSettings(work, 0, 0, 0);
        SinkSpec sink = SinkSpec.version(Layout.RECORD_DATE, "processed/v1", PRODUCTION_FLUSH_SIZE);
        TableCounts table = new TableCounts(settings.tableDir(sink));

        Map<String, Object> measureTheSink = Map.of(
                "access-records.freshness.sink-group", "connect-" + sink.name(),
                "access-records.freshness.interval", "1s",
                "access-records.freshness.timeout", "1s");

        try (LocalStack stack = LocalStack.start(settings, measureTheSink);
                KafkaProducer<byte[], byte[]> producer = producer(stack)) {
            stack.addSink(sink);
            for (int i = 0; i < TAIL_ROWS; i++) {
                send(producer, stack, FIRST_ROW.plusSeconds(i));
            }
            awaitProcessed(stack, TAIL_ROWS);
            long tailProcessedMillis = System.currentTimeMillis();

            long quietStarted = System.nanoTime();
            while (System.nanoTime() - quietStarted < QUIET.toNanos()) {
                assertThat(table.files())
                        .as("files while the partition is quiet")
                        .isZero();
                Thread.sleep(500);
            }

            double tailAge = stack.enricherGauge(PipelineMetrics.TABLE_PENDING_AGE);
            assertThat(tailAge)
                    .as("the table's pending age while the tail is open: at least the quiet time, since every tail "
                            + "row was stamped before it began")
                    .isGreaterThanOrEqualTo(QUIET.toSeconds());

            long nextSent = System.nanoTime();
            send(producer, stack, FIRST_ROW.plus(LOCAL_ROTATE_INTERVAL).plusSeconds(1));
            awaitFile(table);
            double nextAge = awaitPendingAgeBelowTheTails(stack, tailProcessedMillis);
            System.out.printf(
                    "quiet partition: tail of %d rows still open after %d s of quiet (pending age %.1f s); in S3 %d ms"
                            + " after the next record was sent, pending age then %.1f s (the next record's file)%n",
                    TAIL_ROWS, QUIET.toSeconds(), tailAge, (System.nanoTime() - nextSent) / 1_000_000, nextAge);
            assertThat(table.rows())
                    .as("the closed tail holds the quiet partition's rows")
                    .isEqualTo(TAIL_ROWS);
        }
    }

    private static KafkaProducer<byte[], byte[]> producer(LocalStack stack) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** One session's records, so all of them land in one partition. */
    private static void send(KafkaProducer<byte[], byte[]> producer, LocalStack stack, Instant eventTime) {
        byte[] line = RawRecords.example()
                .sessionId("s-quiet")
                .timestamp(eventTime.toEpochMilli())
                .bytes();
        producer.send(
                new ProducerRecord<>(stack.enricherTopics().raw(), "s-quiet".getBytes(StandardCharsets.UTF_8), line));
        producer.flush();
    }

    private static void awaitProcessed(LocalStack stack, long records) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (stack.enricherCount(ServiceCounters.OUT) < records) {
            assertThat(System.nanoTime())
                    .as("the enricher did not process every record in time")
                    .isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    /**
     * The pending age once it no longer counts the committed tail: the next record opened a file of its own, stamped
     * at least the quiet time after every tail row, so its age is below the tail's by at least that.
     */
    private static double awaitPendingAgeBelowTheTails(LocalStack stack, long tailProcessedMillis)
            throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            double age = stack.enricherGauge(PipelineMetrics.TABLE_PENDING_AGE);
            double tailAgeAtLeast = (System.currentTimeMillis() - tailProcessedMillis) / 1000.0;
            if (age < tailAgeAtLeast - QUIET.toSeconds() / 2.0) {
                return age;
            }
            assertThat(System.nanoTime())
                    .as("the pending age still counts the tail's rows after their file reached S3: %s s", age)
                    .isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    private static void awaitFile(TableCounts table) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (table.files() == 0) {
            assertThat(System.nanoTime())
                    .as("the tail did not reach S3 in time")
                    .isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
