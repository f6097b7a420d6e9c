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
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class PublisherOutageIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration OUTAGE = Duration.ofSeconds(3);
    /** DROP waits for nothing; this leaves room for a busy shared machine's scheduling and GC pauses only. */
    private static final Duration NO_WAIT = Duration.ofMillis(250);

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
            TimeUnit.MILLISECONDS.sleep(OUTAGE.toMillis());
            PublisherStats outage = publisher.stats().since(beforeOutage);
            assertThat(outage.sent()).isZero();
            assertThat(outage.publishCall().max()).isLessThan(NO_WAIT);

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
        try (AccessRecordPublisher publisher =
                new AccessRecordPublisher(tinyBuffer(topic).build())) {
            warmUp(publisher, lines.subList(0, 1));
            kafka.proxy.cut();

            long start = System.nanoTime();
            lines.subList(1, lines.size()).forEach(publisher::publish);
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            PublisherStats full = publisher.stats();
            assertThat(full.droppedByReason()).containsOnlyKeys(DropReason.BUFFER_FULL);
            assertThat(full.dropped()).isGreaterThan(1_000);
            assertThat(full.publishCall().max()).isLessThan(NO_WAIT);
            assertThat(took).as("3,000 calls").isLessThan(Duration.ofSeconds(3));

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
                    .hasSize(3)
                    .allSatisfy(took -> assertThat(took).isBetween(maxBlock, maxBlock.plus(NO_WAIT)));
            assertThat(publisher.stats().droppedByReason()).containsOnlyKeys(DropReason.BUFFER_FULL);
            kafka.proxy.restore();
            PublisherStats after = awaitStats(publisher, stats -> stats.pending() == 0, WAIT);
            assertThat(after.sent()).isEqualTo(after.published() - after.dropped());
        }
    }

    @Test
    void closeDuringAnOutageKeepsItsTimeoutAndCountsWhatItCouldNotSendAsFailed() throws Exception {
        String topic = kafka.createTopic(1);
        List<String> lines = PublishedRecords.lines(51);
        AccessRecordPublisher publisher =
                new AccessRecordPublisher(config(topic).build());
        warmUp(publisher, lines.subList(0, 1));
        kafka.proxy.cut();
        lines.subList(1, 51).forEach(publisher::publish);

        long start = System.nanoTime();
        publisher.close(Duration.ofSeconds(1));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(took).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(3));
        PublisherStats stats = publisher.stats();
        assertThat(stats.failed()).isEqualTo(50);
        assertThat(stats.pending()).isZero();
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
