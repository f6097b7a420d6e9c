package org.sagebionetworks.accessrecords.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sagebionetworks.accessrecords.service.ServiceRecords.header;
import static org.sagebionetworks.accessrecords.service.ServiceRecords.metric;
import static org.sagebionetworks.accessrecords.service.ServiceRecords.text;
import static org.sagebionetworks.accessrecords.service.ServiceRecords.utf8;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sagebionetworks.accessrecords.kafka.DeadLetterHeaders;
import org.sagebionetworks.accessrecords.testing.RawRecords;
import org.sagebionetworks.accessrecords.testsupport.KafkaCluster;

/**
 * Records stamped in the future (a typo'd year, a host whose clock runs ahead) must not switch dedup off for the
 * records that follow them: the real service, on the real broker, with its default horizon and clock skew.
 */
@ExtendWith(KafkaCluster.class)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class FutureEventTimeIT {

    private static final int FUTURE = 16;
    private static final int UNIQUE = 1_000;
    private static final int RESENT = 200;
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path stateDir;

    @Test
    void recordsStampedIn2099AreDeadLetteredAndTheRecordsAfterThemAreStillDeduplicated() throws Exception {
        assertFutureRecordsLeaveDedupOn(Instant.parse("2099-12-31T00:00:00Z"));
    }

    @Test
    void recordsFromAHostWhoseClockRuns25HoursAheadAreDeadLetteredAndDedupStaysOn() throws Exception {
        assertFutureRecordsLeaveDedupOn(Instant.now().plus(Duration.ofHours(25)));
    }

    private void assertFutureRecordsLeaveDedupOn(Instant future) throws Exception {
        Instant now = Instant.now();
        List<String> unique = new ArrayList<>();
        for (int i = 0; i < UNIQUE; i++) {
            unique.add(RawRecords.example()
                    .sessionId("s-" + i)
                    .timestamp(now.minus(Duration.ofHours(1)).toEpochMilli() + i * 3_000L)
                    .json());
        }
        try (RunningService service =
                        RunningService.configure(stateDir, Map.of()).start();
                KafkaProducer<byte[], byte[]> producer = KafkaCluster.producer(Map.of());
                KafkaConsumer<byte[], byte[]> rows = KafkaCluster.readCommittedConsumer(service.processed);
                KafkaConsumer<byte[], byte[]> letters = KafkaCluster.readCommittedConsumer(service.deadLetter)) {

            sendToEveryPartition(producer, service.raw, future);
            ServiceRecords.send(producer, service.raw, unique);
            ServiceRecords.send(producer, service.raw, unique.subList(0, RESENT));
            awaitMetric(service, "access_records_in_total", FUTURE + UNIQUE + RESENT);

            List<ConsumerRecord<byte[], byte[]>> out =
                    KafkaCluster.readUntil(rows, read -> read.size() >= UNIQUE, WAIT, Duration.ofSeconds(2));
            assertThat(out)
                    .extracting(row -> text(row.key()))
                    .doesNotHaveDuplicates()
                    .hasSize(UNIQUE);
            List<ConsumerRecord<byte[], byte[]>> dead =
                    KafkaCluster.readUntil(letters, read -> read.size() >= FUTURE, WAIT, Duration.ZERO);
            assertThat(dead)
                    .extracting(letter -> header(letter, DeadLetterHeaders.ERROR_CLASS))
                    .containsOnly("ABSURD_VALUE")
                    .hasSize(FUTURE);
            String prometheus = service.get("/prometheus").body();
            assertThat(metric(prometheus, "access_records_duplicates_dropped_total"))
                    .isEqualTo(RESENT);
            assertThat(metric(prometheus, "access_records_late_total")).isZero();
        }
    }

    /** Half of the future records to each of the raw topic's two partitions, so every dedup task meets them. */
    private static void sendToEveryPartition(KafkaProducer<byte[], byte[]> producer, String raw, Instant future)
            throws Exception {
        for (int i = 0; i < FUTURE; i++) {
            String sessionId = "s-future-" + i;
            String line = RawRecords.example()
                    .sessionId(sessionId)
                    .timestamp(future.toEpochMilli())
                    .json();
            producer.send(new ProducerRecord<>(raw, i % 2, utf8(sessionId), utf8(line)))
                    .get();
        }
    }

    private static void awaitMetric(RunningService service, String name, double expected) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        double value = metric(service.get("/prometheus").body(), name);
        while (value < expected) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(name + " was " + value + ", not " + expected + ", after " + WAIT);
            }
            Thread.sleep(200);
            value = metric(service.get("/prometheus").body(), name);
        }
    }
}
