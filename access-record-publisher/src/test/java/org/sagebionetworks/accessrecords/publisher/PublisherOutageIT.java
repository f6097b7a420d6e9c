package org.sagebionetworks.accessrecords.publisher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sagebionetworks.accessrecords.publisher.PublishedRecords.awaitStats;
import static org.sagebionetworks.accessrecords.publisher.PublishedRecords.text;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sagebionetworks.accessrecords.testsupport.KafkaCluster;
import org.sagebionetworks.accessrecords.testsupport.ProxiedKafka;

/**
 * The cluster becomes unreachable and comes back, played by a proxy in front of a real broker: what the publisher
 * holds is delivered once after recovery, a full buffer is handled by the configured policy, and close() keeps its
 * timeout while nothing can be sent.
 *
 * <p>No assertion here measures how fast something ran: on a shared machine at load 10 a call that never waits can
 * still take hundreds of milliseconds. Each check tells two behaviours apart by a gap no scheduling delay bridges:
 * a wait that must have happened is checked from below (Kafka waits at least max.block.ms, close at least its
 * timeout), and a wait that must not happen is made a minute long, so that waiting would show by far.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class PublisherOutageIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    /** Longer than anything here may take, shorter than the test's timeout: a wait this long is the wrong one. */
    private static final Duration WRONG_WAIT = Duration.ofSeconds(60);

    private static ProxiedKafka kafka;

    @BeforeAll
    static void startBroker() throws Exception {
        kafka = ProxiedKafka.start();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        kafka.stop();
    }

    @AfterEach
    void reconnect() {
        kafka.proxy.restore();
    }

    @Test
    void recordsHeldThroughAnOutageArriveExactlyOnceEvenWhenTheirAcknowledgementsWereLost() throws Exception {
        String topic = kafka.createTopic(3);
        List<String> lines = PublishedRecords.lines(310);
        try (AccessRecordPublisher publisher =
                new AccessRecordPublisher(config(topic).build())) {
            warmUp(publisher, lines.subList(0, 10));

            kafka.proxy.swallowResponses();
            lines.subList(10, 210).forEach(publisher::publish);
            assertThat(kafka.read(topic, 11, WAIT))
                    .as("written by the broker, acknowledgements lost")
                    .hasSizeGreaterThan(10);
            assertThat(publisher.stats().sent()).isEqualTo(10);

            kafka.proxy.cut();
            PublisherStats beforeOutage = publisher.stats();
            lines.subList(210, 310).forEach(publisher::publish);
            awaitAnotherRefusedConnection();
            PublisherStats outage = publisher.stats().since(beforeOutage);
            assertThat(outage.sent()).isZero();
            assertThat(outage.dropped() + outage.failed())
                    .as("held in the buffer, which has room")
                    .isZero();

            kafka.proxy.restore();
            PublisherStats after = awaitStats(publisher, stats -> stats.pending() == 0, WAIT);
            assertThat(after.sent()).isEqualTo(310);
            assertThat(after.failed() + after.dropped()).isZero();
        }
        List<ConsumerRecord<byte[], byte[]>> arrived = kafka.read(topic, 310, WAIT);
        assertThat(arrived)
                .allSatisfy(PublishedRecords::assertKeyedAndStampedFromPayload)
                .extracting(record -> text(record.key()))
                .containsExactlyInAnyOrderElementsOf(PublishedRecords.sessionIds(lines));
    }

    @Test
    void withTheBufferFullTheDropPolicyDropsAndCountsWithoutHoldingTheCaller() throws Exception {
        String topic = kafka.createTopic(1);
        List<String> lines = PublishedRecords.lines(3_001);
        // Unused under DROP; were DROP to wait for space as BLOCK does, the first full call would take this long.
        PublisherConfig config = tinyBuffer(topic).maxBlock(WRONG_WAIT).build();
        try (AccessRecordPublisher publisher = new AccessRecordPublisher(config)) {
            warmUp(publisher, lines.subList(0, 1));
            kafka.proxy.cut();

            lines.subList(1, lines.size()).forEach(publisher::publish);

            PublisherStats full = publisher.stats();
            assertThat(full.droppedByReason()).containsOnlyKeys(DropReason.BUFFER_FULL);
            assertThat(full.dropped()).isGreaterThan(1_000);
            assertThat(full.publishCall().max())
                    .as("no call waited for buffer space")
                    .isLessThan(WRONG_WAIT);

            kafka.proxy.restore();
            PublisherStats after = awaitStats(publisher, stats -> stats.pending() == 0, WAIT);
            assertThat(after.sent()).isEqualTo(lines.size() - full.dropped());
            assertThat(after.failed()).isZero();
            assertThat(kafka.read(topic, after.sent(), WAIT)).hasSize((int) after.sent());
        }
    }

    @Test
    void withTheBufferFullTheBlockPolicyWaitsUpToMaxBlockThenDrops() throws Exception {
        Duration maxBlock = Duration.ofMillis(200);
        String topic = kafka.createTopic(1);
        List<String> lines = PublishedRecords.lines(3_001);
        PublisherConfig config = tinyBuffer(topic)
                .bufferFullPolicy(BufferFullPolicy.BLOCK)
                .maxBlock(maxBlock)
                .build();
        try (AccessRecordPublisher publisher = new AccessRecordPublisher(config)) {
            warmUp(publisher, lines.subList(0, 1));
            kafka.proxy.cut();

            List<Duration> droppedCalls = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                long droppedBefore = publisher.stats().dropped();
                long start = System.nanoTime();
                publisher.publish(line);
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                if (publisher.stats().dropped() > droppedBefore && droppedCalls.add(took) && droppedCalls.size() == 3) {
                    break;
                }
            }

            assertThat(droppedCalls)
                    .as("each drop came after waiting max.block.ms for space")
                    .hasSize(3)
                    .allSatisfy(took -> assertThat(took).isGreaterThanOrEqualTo(maxBlock));
            assertThat(publisher.stats().droppedByReason()).containsOnlyKeys(DropReason.BUFFER_FULL);
            kafka.proxy.restore();
            PublisherStats after = awaitStats(publisher, stats -> stats.pending() == 0, WAIT);
            assertThat(after.sent()).isEqualTo(after.published() - after.dropped());
        }
    }

    @Test
    void closeDuringAnOutageKeepsItsTimeoutAndCountsWhatItCouldNotSendAsFailed() throws Exception {
        Duration closeTimeout = Duration.ofSeconds(1);
        String topic = kafka.createTopic(1);
        List<String> lines = PublishedRecords.lines(51);
        // Were close to wait for the deliveries instead of its timeout, it would return when they expire, about
        // WRONG_WAIT after they were published just before it.
        AccessRecordPublisher publisher = new AccessRecordPublisher(
                config(topic).deliveryTimeout(WRONG_WAIT).build());
        warmUp(publisher, lines.subList(0, 1));
        kafka.proxy.cut();
        lines.subList(1, 51).forEach(publisher::publish);

        long start = System.nanoTime();
        publisher.close(closeTimeout);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(took)
                .as("waited its whole timeout, as nothing could be sent, and not for the deliveries to expire")
                .isGreaterThanOrEqualTo(closeTimeout)
                .isLessThan(WRONG_WAIT.dividedBy(2));
        PublisherStats stats = publisher.stats();
        assertThat(stats.failed()).isEqualTo(50);
        assertThat(stats.pending()).isZero();
    }

    /** Returns once the proxy has hung up on one more connection: the producer tried to reach the cluster. */
    private static void awaitAnotherRefusedConnection() throws InterruptedException {
        long refused = kafka.proxy.refusedConnections();
        PublishedRecords.await(
                () -> kafka.proxy.refusedConnections() > refused, WAIT, "the producer's attempt to reconnect");
    }

    /** Publishes and waits for the acknowledgements, so the producer has its metadata and producer id. */
    private static void warmUp(AccessRecordPublisher publisher, List<String> lines) throws InterruptedException {
        lines.forEach(publisher::publish);
        awaitStats(publisher, stats -> stats.sent() == lines.size(), WAIT);
    }

    private static PublisherConfig.Builder config(String topic) {
        return PublisherConfig.builder(kafka.proxiedBootstrap())
                .topic(topic)
                .clientId(KafkaCluster.uniqueName("publisher"));
    }

    /** Four batches' worth of buffer: a few hundred records fill it. */
    private static PublisherConfig.Builder tinyBuffer(String topic) {
        return config(topic).batchSize(16 * 1024).bufferMemory(64 * 1024);
    }
}
