package org.sagebionetworks.accessrecords.publisher;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sagebionetworks.accessrecords.core.validation.RejectionReason;
import org.sagebionetworks.accessrecords.testing.RawRecords;
import org.slf4j.LoggerFactory;

/** The publisher's decisions, against Kafka's MockProducer: what is sent, how, and how everything else is counted. */
class PublisherTest {

    private static final PublisherConfig CONFIG =
            PublisherConfig.builder("unused:9092").topic("raw").build();

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger publisherLog = (Logger) LoggerFactory.getLogger(AccessRecordPublisher.class);

    @BeforeEach
    void captureLogs() {
        logs.start();
        publisherLog.addAppender(logs);
    }

    @AfterEach
    void releaseLogs() {
        publisherLog.detachAppender(logs);
    }

    @Test
    void aValidEnvelopeIsSentByteForByteKeyedBySessionIdAndStampedWithThePayloadTimestamp() {
        MockProducer<byte[], byte[]> producer = mockProducer(true);
        RawRecords record = RawRecords.example().sessionId("s-1").timestamp(1_700_000_000_999L);
        ((ObjectNode) record.envelope()).put("timestamp", 1_600_000_000_000L);

        try (AccessRecordPublisher publisher = new AccessRecordPublisher(CONFIG, producer)) {
            publisher.publish(record.json());

            assertThat(producer.history()).singleElement().satisfies(sent -> {
                assertThat(sent.topic()).isEqualTo("raw");
                assertThat(new String(sent.key(), StandardCharsets.UTF_8)).isEqualTo("s-1");
                assertThat(sent.timestamp()).isEqualTo(1_700_000_000_999L);
                assertThat(sent.value()).isEqualTo(record.bytes());
            });
            assertThat(publisher.stats().sent()).isEqualTo(1);
        }
    }

    @Test
    void invalidRecordsAreCountedByReasonLoggedOncePerReasonAndNeverSent() {
        MockProducer<byte[], byte[]> producer = mockProducer(true);

        try (AccessRecordPublisher publisher = new AccessRecordPublisher(CONFIG, producer)) {
            for (int i = 0; i < 3; i++) {
                publisher.publish(RawRecords.example().without("sessionId").json());
            }
            publisher.publish("{\"payload\": {\"sessionId\": \"cut");
            publisher.publish(null);
            publisher.publish("");
            publisher.publish(RawRecords.example().timestamp(1_700_000_000L).json());

            assertThat(producer.history()).isEmpty();
            assertThat(publisher.stats().invalidByReason())
                    .isEqualTo(Map.of(
                            RejectionReason.MISSING_FIELD,
                            3L,
                            RejectionReason.MALFORMED_JSON,
                            3L,
                            RejectionReason.ABSURD_VALUE,
                            1L));
            assertThat(logs.list)
                    .extracting(ILoggingEvent::getFormattedMessage)
                    .hasSize(3)
                    .anySatisfy(line ->
                            assertThat(line).startsWith("invalid MISSING_FIELD").contains("payload.sessionId"))
                    .anySatisfy(line -> assertThat(line).startsWith("invalid MALFORMED_JSON"))
                    .anySatisfy(line ->
                            assertThat(line).startsWith("invalid ABSURD_VALUE").contains("payload.timestamp"));
        }
    }

    @Test
    void aDeliveryThatFailsLaterIsCountedAsFailedAndOthersStillCountAsSent() throws InterruptedException {
        MockProducer<byte[], byte[]> producer = mockProducer(false);

        try (AccessRecordPublisher publisher = new AccessRecordPublisher(CONFIG, producer)) {
            publisher.publish(RawRecords.example().sessionId("s-1").json());
            publisher.publish(RawRecords.example().sessionId("s-2").json());
            assertThat(publisher.stats().pending()).isEqualTo(2);

            Thread io = new Thread(() -> {
                producer.errorNext(new TimeoutException("Expiring 1 record(s)"));
                producer.completeNext();
            });
            io.start();
            io.join();

            PublisherStats stats = publisher.stats();
            assertThat(stats.failed()).isEqualTo(1);
            assertThat(stats.sent()).isEqualTo(1);
            assertThat(stats.pending()).isZero();
        }
    }

    @Test
    void whateverTheProducerThrowsNeverReachesTheCaller() {
        MockProducer<byte[], byte[]> producer = mockProducer(true);
        producer.sendException = new KafkaException("the producer broke");

        try (AccessRecordPublisher publisher = new AccessRecordPublisher(CONFIG, producer)) {
            publisher.publish(RawRecords.EXAMPLE);
            publisher.publish(RawRecords.EXAMPLE);

            assertThat(publisher.stats().failed()).isEqualTo(2);
            assertThat(logs.list)
                    .singleElement()
                    .extracting(ILoggingEvent::getFormattedMessage)
                    .asString()
                    .startsWith("failed KafkaException");
        }
    }

    @Test
    void afterCloseRecordsAreDroppedWithoutTouchingTheProducer() {
        MockProducer<byte[], byte[]> producer = mockProducer(true);
        AccessRecordPublisher publisher = new AccessRecordPublisher(CONFIG, producer);

        publisher.close();
        publisher.publish(RawRecords.EXAMPLE);
        publisher.close();

        assertThat(producer.closed()).isTrue();
        assertThat(producer.history()).isEmpty();
        assertThat(publisher.stats().droppedByReason()).isEqualTo(Map.of(DropReason.CLOSED, 1L));
    }

    @Test
    void everyCallIsTimedAndEveryRecordEndsInExactlyOneCount() {
        MockProducer<byte[], byte[]> producer = mockProducer(true);

        try (AccessRecordPublisher publisher = new AccessRecordPublisher(CONFIG, producer)) {
            publisher.publish(RawRecords.EXAMPLE);
            publisher.publish("not json");
            PublisherStats stats = publisher.stats();

            assertThat(stats.published()).isEqualTo(2);
            assertThat(stats.sent() + stats.invalid()).isEqualTo(2);
            assertThat(stats.publishCall().count()).isEqualTo(2);
        }
    }

    private static MockProducer<byte[], byte[]> mockProducer(boolean autoComplete) {
        return new MockProducer<>(autoComplete, new ByteArraySerializer(), new ByteArraySerializer());
    }
}
