package org.sagebionetworks.accessrecords.redrive;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads a topic's committed records once, from a time (or its beginning) to the end it has when the scan starts,
 * without a consumer group. Stopping at that end keeps a redrive from reading the letters its own records cause.
 */
final class TopicScan {

    private final Map<String, Object> clientSettings;
    private final Duration timeout;

    TopicScan(Map<String, Object> clientSettings, Duration timeout) {
        this.clientSettings = clientSettings;
        this.timeout = timeout;
    }

    /** Gives up when a whole {@code timeout} passes without the scan moving on. */
    void read(String topic, Instant from, Consumer<ConsumerRecord<byte[], byte[]>> each) {
        try (KafkaConsumer<byte[], byte[]> consumer = readCommitted()) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
            seek(consumer, partitions, from, ends);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p, timeout) < ends.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " within " + timeout);
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    deadline = System.nanoTime() + timeout.toNanos();
                    if (record.offset() < ends.get(new TopicPartition(topic, record.partition()))) {
                        each.accept(record);
                    }
                }
            }
        }
    }

    private void seek(
            KafkaConsumer<byte[], byte[]> consumer,
            List<TopicPartition> partitions,
            Instant from,
            Map<TopicPartition, Long> ends) {
        if (from == null) {
            consumer.seekToBeginning(partitions);
            return;
        }
        Map<TopicPartition, Long> times = new HashMap<>();
        partitions.forEach(p -> times.put(p, from.toEpochMilli()));
        Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(times, timeout);
        for (TopicPartition partition : partitions) {
            OffsetAndTimestamp first = found.get(partition);
            consumer.seek(partition, first == null ? ends.get(partition) : first.offset());
        }
    }

    private KafkaConsumer<byte[], byte[]> readCommitted() {
        Map<String, Object> settings = new HashMap<>(clientSettings);
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(settings, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
}
