package org.sagebionetworks.accessrecords.publisher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.BufferExhaustedException;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.sagebionetworks.accessrecords.core.validation.RejectionReason;
import org.sagebionetworks.accessrecords.testing.RawRecords;

/**
 * The batch call Synapse's timer thread makes (KinesisAccessRecorder.timerFired): every line goes the way a single
 * publish goes, and the result says at once what became of each, so nothing is refused without the caller knowing.
 */
class PublisherBatchTest {

    private static final PublisherConfig CONFIG =
            PublisherConfig.builder("unused:9092").topic("raw").build();

    @Test
    void everyLineIsPublishedInOrderAndTheResultCountsWhatWasHandedToKafkaAndWhatWasNot() {
        MockProducer<byte[], byte[]> producer = mockProducer();
        List<String> batch = Arrays.asList(
                RawRecords.example().sessionId("s-1").json(),
                RawRecords.example().sessionId("s-2").without("requestURL").json(),
                null,
                RawRecords.example().sessionId("s-3").json());

        try (AccessRecordPublisher publisher = new AccessRecordPublisher(CONFIG, producer)) {
            BatchResult result = publisher.publishBatch(batch);

            assertThat(producer.history())
                    .extracting(sent -> new String(sent.key(), StandardCharsets.UTF_8))
                    .containsExactly("s-1", "s-3");
            assertThat(result.size()).isEqualTo(4);
            assertThat(result.accepted()).isEqualTo(2);
            assertThat(result.refused()).isEqualTo(2);
            assertThat(result.invalidByReason())
                    .isEqualTo(Map.of(RejectionReason.MISSING_FIELD, 1, RejectionReason.MALFORMED_JSON, 1));
            assertThat(result.droppedByReason()).isEmpty();
            assertThat(result.failed()).isZero();
            assertThat(publisher.stats().published()).isEqualTo(4);
            assertThat(publisher.stats().invalid()).isEqualTo(2);
        }
    }

    @Test
    void recordsTheProducerRefusesAtOnceAreInTheResultAsDroppedAndInTheStats() {
        try (AccessRecordPublisher publisher = new AccessRecordPublisher(CONFIG, bufferAlwaysFull())) {
            BatchResult result = publisher.publishBatch(List.of(RawRecords.EXAMPLE, RawRecords.EXAMPLE));

            assertThat(result.accepted()).isZero();
            assertThat(result.droppedByReason()).isEqualTo(Map.of(DropReason.BUFFER_FULL, 2));
            assertThat(publisher.stats().droppedByReason()).isEqualTo(Map.of(DropReason.BUFFER_FULL, 2L));
        }
    }

    @Test
    void whateverTheProducerThrowsIsCountedAsFailedAndNeverReachesTheCaller() {
        MockProducer<byte[], byte[]> producer = mockProducer();
        producer.sendException = new KafkaException("the producer broke");

        try (AccessRecordPublisher publisher = new AccessRecordPublisher(CONFIG, producer)) {
            BatchResult result = publisher.publishBatch(List.of(RawRecords.EXAMPLE, RawRecords.EXAMPLE));

            assertThat(result.failed()).isEqualTo(2);
            assertThat(result.refused()).isEqualTo(2);
            assertThat(publisher.stats().failed()).isEqualTo(2);
        }
    }

    @Test
    void afterCloseTheWholeBatchIsDroppedAsClosed() {
        MockProducer<byte[], byte[]> producer = mockProducer();
        AccessRecordPublisher publisher = new AccessRecordPublisher(CONFIG, producer);
        publisher.close();

        BatchResult result = publisher.publishBatch(List.of(RawRecords.EXAMPLE, RawRecords.EXAMPLE));

        assertThat(result.droppedByReason()).isEqualTo(Map.of(DropReason.CLOSED, 2));
        assertThat(producer.history()).isEmpty();
    }

    @Test
    void anEmptyOrMissingBatchPublishesNothing() {
        try (AccessRecordPublisher publisher = new AccessRecordPublisher(CONFIG, mockProducer())) {
            assertThat(publisher.publishBatch(List.of()).size()).isZero();
            assertThat(publisher.publishBatch(null).size()).isZero();
            assertThat(publisher.stats().published()).isZero();
        }
    }

    @Test
    void theResultReadsAsOneLogLine() {
        try (AccessRecordPublisher publisher = new AccessRecordPublisher(CONFIG, mockProducer())) {
            BatchResult result = publisher.publishBatch(Arrays.asList(RawRecords.EXAMPLE, "{}", null));

            assertThat(result)
                    .hasToString("3 records: 1 accepted, 2 invalid {MALFORMED_JSON=1, MISSING_FIELD=1}, "
                            + "0 dropped {}, 0 failed");
        }
    }

    private static MockProducer<byte[], byte[]> mockProducer() {
        return new MockProducer<>(true, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** Refuses every record as KafkaProducer does when its buffer stays full for max.block.ms: in the callback. */
    private static MockProducer<byte[], byte[]> bufferAlwaysFull() {
        return new MockProducer<>(true, new ByteArraySerializer(), new ByteArraySerializer()) {
            @Override
            public synchronized Future<RecordMetadata> send(ProducerRecord<byte[], byte[]> record, Callback callback) {
                BufferExhaustedException full = new BufferExhaustedException("no room");
                callback.onCompletion(null, full);
                return CompletableFuture.failedFuture(full);
            }
        };
    }
}
