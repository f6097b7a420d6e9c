package org.sagebionetworks.accessrecords.publisher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.clients.producer.BufferExhaustedException;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** How each way a send can end is counted; the producer's I/O thread is played by a plain thread. */
class PublisherDeliveryCallbackTest {

    private final PublisherMetrics metrics = new PublisherMetrics();
    private final OncePerKindLog log = new OncePerKindLog(LoggerFactory.getLogger(getClass()));

    @Test
    void aFullBufferReportedDuringSendIsADrop() {
        callback().onCompletion(null, new BufferExhaustedException("no room"));

        assertThat(metrics.snapshot().droppedByReason()).isEqualTo(Map.of(DropReason.BUFFER_FULL, 1L));
    }

    @Test
    void missingMetadataReportedDuringSendIsADrop() {
        callback().onCompletion(null, new TimeoutException("Topic t not present in metadata after 0 ms."));

        assertThat(metrics.snapshot().droppedByReason()).isEqualTo(Map.of(DropReason.NO_METADATA, 1L));
    }

    @Test
    void aRecordThatExpiresInTheBufferIsAFailureNotADrop() throws InterruptedException {
        DeliveryCallback callback = callback();

        onIoThread(() -> callback.onCompletion(null, new TimeoutException("Expiring 1 record(s)")));

        PublisherStats stats = metrics.snapshot();
        assertThat(stats.failed()).isEqualTo(1);
        assertThat(stats.dropped()).isZero();
    }

    @Test
    void aBrokerRefusalIsAFailure() throws InterruptedException {
        DeliveryCallback callback = callback();

        onIoThread(() -> callback.onCompletion(null, new NotEnoughReplicasException("isr")));

        assertThat(metrics.snapshot().failed()).isEqualTo(1);
    }

    @Test
    void anAcknowledgementCountsAsSentWithItsLatency() throws InterruptedException {
        DeliveryCallback callback = callback();
        RecordMetadata metadata = new RecordMetadata(new TopicPartition("t", 0), 0, 0, 0, 0, 0);

        onIoThread(() -> callback.onCompletion(metadata, null));

        PublisherStats stats = metrics.snapshot();
        assertThat(stats.sent()).isEqualTo(1);
        assertThat(stats.ack().count()).isEqualTo(1);
        assertThat(stats.ack().max()).isPositive();
    }

    private DeliveryCallback callback() {
        return new DeliveryCallback(metrics, log, System.nanoTime(), BatchResult.Tally.NONE);
    }

    private static void onIoThread(Runnable completion) throws InterruptedException {
        Thread io = new Thread(completion, "kafka-producer-network-thread | test");
        io.start();
        io.join();
    }
}
