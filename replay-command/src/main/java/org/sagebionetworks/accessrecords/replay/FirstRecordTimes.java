package org.sagebionetworks.accessrecords.replay;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The timestamps of the partitions' first records, read: Kafka's lookup by time (ListOffsets with a timestamp)
 * finds nothing in a partition whose start was moved by deleting records, so it cannot be asked.
 */
final class FirstRecordTimes {

    private final Map<String, Object> clientSettings;
    private final Duration timeout;

    /** @param clientSettings how the tool reaches the cluster (bootstrap servers, authentication) */
    FirstRecordTimes(Map<String, Object> clientSettings, Duration timeout) {
        this.clientSettings = clientSettings;
        this.timeout = timeout;
    }

    /**
     * The latest of the first committed records' timestamps: from then on every partition holds its records.
     * Empty when no partition has one.
     *
     * @param ends each partition's end offset, to stop at a partition that holds only aborted records
     */
    OptionalLong latestOfFirsts(Map<TopicPartition, Long> ends) {
        Map<String, Object> settings = new HashMap<>(clientSettings);
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 100);
        Map<TopicPartition, Long> first = new HashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(settings, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            Set<TopicPartition> open = new HashSet<>(ends.keySet());
            consumer.assign(open);
            consumer.seekToBeginning(open);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!open.isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(
                            "could not read the first records of " + open + " within " + timeout);
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    first.putIfAbsent(new TopicPartition(record.topic(), record.partition()), record.timestamp());
                }
                open.removeIf(partition ->
                        first.containsKey(partition) || consumer.position(partition) >= ends.get(partition));
                consumer.pause(consumer.assignment().stream()
                        .filter(partition -> !open.contains(partition))
                        .toList());
            }
        }
        return first.values().stream().mapToLong(Long::longValue).max();
    }
}
