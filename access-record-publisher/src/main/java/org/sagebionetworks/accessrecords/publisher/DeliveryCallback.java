package org.sagebionetworks.accessrecords.publisher;

import org.apache.kafka.clients.producer.BufferExhaustedException;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TimeoutException;

/**
 * The outcome of one accepted-or-refused record. {@code KafkaProducer.send} reports a record it refuses within
 * max.block.ms (buffer full, no metadata) by calling this callback on the calling thread before it returns; every
 * other outcome arrives on the producer's I/O thread. The thread therefore tells a drop from a failed delivery,
 * which the exception type alone cannot: a delivery that expires in the buffer is a TimeoutException too. What is
 * decided on the calling thread also goes to the caller's batch tally, which that thread alone reads.
 */
final class DeliveryCallback implements Callback {

    private final PublisherMetrics metrics;
    private final OncePerKindLog log;
    private final long publishedAtNanos;
    private final Thread caller;
    private final BatchResult.Tally tally;
    private boolean refusedAtOnce;

    DeliveryCallback(PublisherMetrics metrics, OncePerKindLog log, long publishedAtNanos, BatchResult.Tally tally) {
        this.metrics = metrics;
        this.log = log;
        this.publishedAtNanos = publishedAtNanos;
        this.caller = Thread.currentThread();
        this.tally = tally;
    }

    @Override
    public void onCompletion(RecordMetadata metadata, Exception error) {
        if (error == null) {
            metrics.sent(System.nanoTime() - publishedAtNanos);
        } else if (Thread.currentThread() == caller) {
            refusedAtOnce = true;
            refuse(error);
        } else {
            failed(error);
        }
    }

    private void refuse(Exception error) {
        if (error instanceof TimeoutException) {
            DropReason reason =
                    error instanceof BufferExhaustedException ? DropReason.BUFFER_FULL : DropReason.NO_METADATA;
            metrics.dropped(reason);
            tally.dropped(reason);
            log.warn("dropped " + reason, error::getMessage);
        } else {
            tally.failed();
            failed(error);
        }
    }

    private void failed(Exception error) {
        metrics.failed();
        log.warn("failed " + error.getClass().getSimpleName(), error::getMessage);
    }

    /** Whether send() refused the record before returning; read by the calling thread after it returned. */
    boolean refusedAtOnce() {
        return refusedAtOnce;
    }
}
