package org.sagebionetworks.accessrecords.service;

import static org.sagebionetworks.accessrecords.service.ServiceRecords.utf8;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.sagebionetworks.accessrecords.publisher.AccessRecordPublisher;
import org.sagebionetworks.accessrecords.testing.RawRecords;

/**
 * Records streaming into the raw topic from a thread of their own, at a steady pace, each with a new session id
 * and an event time a millisecond after the previous one, until stopped.
 */
final class TrafficStream implements AutoCloseable {

    private static final int BATCH = 25;
    private static final Duration PAUSE = Duration.ofMillis(25);

    /** How a record leaves; {@link #flush()} waits for whatever it has not yet had acknowledged. */
    interface Sender {
        void send(String sessionId, String line);

        default void flush() {}
    }

    private final String prefix;
    private final long firstEventTime;
    private final Map<String, String> lines = new ConcurrentHashMap<>();
    private final Map<String, Integer> partitions = new ConcurrentHashMap<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final Thread thread;
    private Sender sender;
    private volatile boolean running = true;

    private TrafficStream(String prefix, long firstEventTime) {
        this.prefix = prefix;
        this.firstEventTime = firstEventTime;
        this.thread = new Thread(this::run, "traffic-" + prefix);
        this.thread.setDaemon(true);
    }

    /** Straight to the topic, remembering the partition of each acknowledged record (see {@link #partitionOf}). */
    static TrafficStream toTopic(
            KafkaProducer<byte[], byte[]> producer, String topic, String prefix, long firstEventTime) {
        TrafficStream stream = new TrafficStream(prefix, firstEventTime);
        return stream.start(new Sender() {
            @Override
            public void send(String sessionId, String line) {
                producer.send(new ProducerRecord<>(topic, utf8(sessionId), utf8(line)), (metadata, error) -> {
                    if (error != null) {
                        stream.failure.compareAndSet(null, error);
                    } else {
                        stream.partitions.put(sessionId, metadata.partition());
                    }
                });
            }

            @Override
            public void flush() {
                producer.flush();
            }
        });
    }

    /** Through the publisher Synapse embeds; its own stats say what became of each record. */
    static TrafficStream through(AccessRecordPublisher publisher, String prefix, long firstEventTime) {
        return new TrafficStream(prefix, firstEventTime).start((sessionId, line) -> publisher.publish(line));
    }

    /** Stops sending and flushes; returns session id to raw line for everything sent. */
    Map<String, String> stop() throws InterruptedException {
        close();
        sender.flush();
        if (failure.get() != null) {
            throw new AssertionError("sending failed", failure.get());
        }
        return Map.copyOf(lines);
    }

    int sent() {
        return lines.size();
    }

    /** The raw partition of a record acknowledged by the topic, or null. */
    Integer partitionOf(String sessionId) {
        return partitions.get(sessionId);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(TimeUnit.SECONDS.toMillis(30));
    }

    private TrafficStream start(Sender sender) {
        this.sender = sender;
        thread.start();
        return this;
    }

    private void run() {
        try {
            for (long n = 0; running; n++) {
                String sessionId = prefix + "-" + n;
                String line = RawRecords.example()
                        .sessionId(sessionId)
                        .timestamp(firstEventTime + n)
                        .json();
                lines.put(sessionId, line);
                sender.send(sessionId, line);
                if (n % BATCH == BATCH - 1) {
                    TimeUnit.MILLISECONDS.sleep(PAUSE.toMillis());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            failure.set(e);
        }
    }
}
