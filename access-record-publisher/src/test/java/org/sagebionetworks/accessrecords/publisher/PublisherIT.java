package org.sagebionetworks.accessrecords.publisher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sagebionetworks.accessrecords.publisher.PublishedRecords.text;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sagebionetworks.accessrecords.core.validation.RejectionReason;
import org.sagebionetworks.accessrecords.testing.RawRecords;
import org.sagebionetworks.accessrecords.testsupport.KafkaCluster;

/** The publisher against the shared real KRaft broker, with the settings Synapse gets by default. */
@ExtendWith(KafkaCluster.class)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class PublisherIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void everyRecordArrivesUnchangedKeyedBySessionIdAndStampedWithItsPayloadTimestamp() {
        String topic = topic();
        List<String> lines = PublishedRecords.lines(500);
        RawRecords typed = RawRecords.example().sessionId("typed-1");

        try (AccessRecordPublisher publisher =
                new AccessRecordPublisher(config(topic).build())) {
            lines.forEach(publisher::publish);
            publisher.publish(typed.json());

            PublisherStats stats = publisher.stats();
            assertThat(stats.droppedByReason())
                    .as("the first records after startup are not lost")
                    .isEmpty();
        }

        List<ConsumerRecord<byte[], byte[]>> arrived = read(topic, 501);
        assertThat(arrived).hasSize(501).allSatisfy(PublishedRecords::assertKeyedAndStampedFromPayload);
        assertThat(arrived)
                .extracting(record -> text(record.value()))
                .containsExactlyInAnyOrderElementsOf(concat(lines, typed.json()));
    }

    @Test
    void invalidRecordsNeverReachTheTopic() {
        String topic = topic();
        AccessRecordPublisher publisher =
                new AccessRecordPublisher(config(topic).build());
        publisher.publish(RawRecords.example().sessionId("good-1").json());
        publisher.publish(
                RawRecords.example().sessionId("no-url").without("requestURL").json());
        publisher.publish(RawRecords.example()
                .sessionId("seconds")
                .timestamp(1_700_000_000L)
                .json());
        publisher.publish(RawRecords.example().sessionId("good-2").json());
        publisher.close();

        PublisherStats stats = publisher.stats();
        assertThat(stats.invalidByReason())
                .isEqualTo(Map.of(RejectionReason.MISSING_FIELD, 1L, RejectionReason.ABSURD_VALUE, 1L));
        assertThat(stats.sent()).isEqualTo(2);
        assertThat(read(topic, 2))
                .extracting(record -> text(record.key()))
                .containsExactlyInAnyOrder("good-1", "good-2");
    }

    @Test
    void nothingIsLostWhenTheFirstBatchesMeetAPartitionItsBrokerHasNotOpenedYet() throws InterruptedException {
        // KAFKA-15591: a first batch refused as NOT_LEADER_OR_FOLLOWER and overtaken by a pipelined one is refused
        // forever after as OUT_OF_ORDER_SEQUENCE_NUMBER. A partition created a moment ago is where that happens.
        List<String> lines = PublishedRecords.lines(20_000);
        for (int attempt = 0; attempt < 5; attempt++) {
            String topic = KafkaCluster.uniqueName("fresh");
            KafkaCluster.createTopic(topic, 24, Map.of());
            try (AccessRecordPublisher publisher =
                    new AccessRecordPublisher(config(topic).build())) {
                lines.forEach(publisher::publish);

                PublisherStats stats =
                        PublishedRecords.awaitStats(publisher, done -> done.pending() == 0, Duration.ofSeconds(15));
                assertThat(stats.sent()).isEqualTo(lines.size());
            }
        }
    }

    @Test
    void closeSendsWhatIsStillLingeringAtOnceAndWithinItsTimeout() {
        String topic = topic();
        AccessRecordPublisher publisher = new AccessRecordPublisher(
                config(topic).linger(Duration.ofSeconds(20)).build());
        PublishedRecords.lines(30).forEach(publisher::publish);
        assertThat(publisher.stats().pending())
                .as("batches wait out their linger")
                .isEqualTo(30);

        long start = System.nanoTime();
        publisher.close(Duration.ofSeconds(10));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(took).isLessThan(Duration.ofSeconds(10));
        assertThat(publisher.stats().sent()).isEqualTo(30);
        assertThat(read(topic, 30)).hasSize(30);
    }

    @Test
    void aTopicThatDoesNotExistDropsRecordsAtOnceInsteadOfHoldingTheCaller() {
        String missing = KafkaCluster.uniqueName("missing");
        // Unused under DROP; a call that waited for metadata as BLOCK does would take this long. No tighter bound:
        // on a loaded machine even a call that never waits can take hundreds of milliseconds.
        Duration wrongWait = Duration.ofSeconds(60);
        try (AccessRecordPublisher publisher = new AccessRecordPublisher(config(missing)
                .startupWait(Duration.ofMillis(500))
                .maxBlock(wrongWait)
                .build())) {
            for (int i = 0; i < 10; i++) {
                publisher.publish(RawRecords.EXAMPLE);
            }

            PublisherStats stats = publisher.stats();
            assertThat(stats.droppedByReason()).isEqualTo(Map.of(DropReason.NO_METADATA, 10L));
            assertThat(stats.publishCall().max()).isLessThan(wrongWait);
        }
    }

    private static String topic() {
        String topic = KafkaCluster.uniqueName("raw");
        KafkaCluster.createTopic(topic, 3, Map.of());
        return topic;
    }

    private static PublisherConfig.Builder config(String topic) {
        return PublisherConfig.builder(KafkaCluster.bootstrapServers())
                .topic(topic)
                .clientId(KafkaCluster.uniqueName("publisher"));
    }

    private static List<ConsumerRecord<byte[], byte[]>> read(String topic, int count) {
        try (KafkaConsumer<byte[], byte[]> consumer = KafkaCluster.readCommittedConsumer(topic)) {
            return KafkaCluster.readUntil(consumer, read -> read.size() >= count, WAIT, Duration.ofSeconds(1));
        }
    }

    private static List<String> concat(List<String> lines, String more) {
        return Stream.concat(lines.stream(), Stream.of(more)).toList();
    }
}
