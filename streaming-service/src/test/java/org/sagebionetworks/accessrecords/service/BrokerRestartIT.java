package org.sagebionetworks.accessrecords.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sagebionetworks.accessrecords.service.ServiceRecords.text;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.sagebionetworks.accessrecords.publisher.AccessRecordPublisher;
import org.sagebionetworks.accessrecords.publisher.PublisherConfig;
import org.sagebionetworks.accessrecords.publisher.PublisherStats;
import org.sagebionetworks.accessrecords.testsupport.KafkaCluster;
import org.sagebionetworks.accessrecords.testsupport.StandaloneKafka;

/**
 * The broker restarts mid-stream, on the same log directories and port, while Synapse's publisher and the service
 * both run: the broker of the test's own stops (a controlled shutdown: it closes its connections and its logs) and
 * starts again, with its controller running on. The outage is longer than the service's transaction timeout (10 s
 * under exactly-once) and than the clients' reconnect backoff, so every client has to find its way back.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class BrokerRestartIT {

    private static final Duration WAIT = Duration.ofSeconds(90);
    /** At the stream's pace of at most 1,000 records a second: longer than the transaction timeout. */
    private static final int PUBLISHED_WHILE_DOWN = 12_000;

    @TempDir
    Path stateDir;

    @Test
    void aBrokerRestartMidStreamLosesAndRepeatsNothingAndTheServiceIsReadyAgainWithoutARestart() throws Exception {
        try (StandaloneKafka kafka = StandaloneKafka.start(Map.of());
                RunningService service = RunningService.configure(kafka.bootstrapServers(), stateDir, Map.of())
                        .start();
                AccessRecordPublisher publisher =
                        new AccessRecordPublisher(PublisherConfig.builder(kafka.bootstrapServers())
                                .topic(service.raw)
                                .clientId(KafkaCluster.uniqueName("publisher"))
                                .build());
                KafkaConsumer<byte[], byte[]> rows = KafkaCluster.consumer(
                        kafka.bootstrapServers(), service.processed, IsolationLevel.READ_COMMITTED)) {
            List<ConsumerRecord<byte[], byte[]>> read = new ArrayList<>();
            Map<String, String> published;
            try (TrafficStream traffic = TrafficStream.through(publisher, "restart", System.currentTimeMillis())) {
                read.addAll(KafkaCluster.readUntil(rows, first -> first.size() >= 1_000, WAIT, Duration.ZERO));
                kafka.stopBroker();
                int atStop = traffic.sent();
                await(() -> traffic.sent() >= atStop + PUBLISHED_WHILE_DOWN, "publishing while the broker is down");
                kafka.startBroker(WAIT);
                int atStart = traffic.sent();
                await(() -> traffic.sent() >= atStart + 2_000, "publishing after the restart");
                published = traffic.stop();
            }

            await(() -> publisher.stats().pending() == 0, "the publisher's acknowledgements");
            PublisherStats stats = publisher.stats();
            assertThat(stats.published()).isEqualTo(published.size());
            assertThat(stats.sent()).as("acknowledged; stats " + stats).isEqualTo(published.size());
            assertThat(stats.failed() + stats.dropped() + stats.invalid()).isZero();
            assertThat(keys(everything(kafka, service.raw, published.size())))
                    .as("raw topic")
                    .doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(published.keySet());

            read.addAll(KafkaCluster.readUntil(
                    rows, more -> read.size() + more.size() >= published.size(), WAIT, Duration.ofSeconds(3)));
            assertThat(keys(read))
                    .as("processed topic, read_committed")
                    .doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(published.keySet());
            await(() -> status(service, "/health/readiness") == 200, "readiness UP");
            assertThat(status(service, "/health/liveness")).isEqualTo(200);
        }
    }

    private static List<ConsumerRecord<byte[], byte[]>> everything(StandaloneKafka kafka, String topic, int count) {
        try (KafkaConsumer<byte[], byte[]> consumer =
                KafkaCluster.consumer(kafka.bootstrapServers(), topic, IsolationLevel.READ_UNCOMMITTED)) {
            return KafkaCluster.readUntil(consumer, read -> read.size() >= count, WAIT, Duration.ofSeconds(2));
        }
    }

    private static List<String> keys(List<ConsumerRecord<byte[], byte[]>> records) {
        return records.stream().map(record -> text(record.key())).toList();
    }

    private static int status(RunningService service, String path) {
        try {
            return service.get(path).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what + " within " + WAIT).isLessThan(deadline);
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }
}
