package org.sagebionetworks.accessrecords.service.freshness;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.sagebionetworks.accessrecords.kafka.KafkaClientSettings;

/**
 * The timestamp of the first committed row in each given offset range, read as the S3 sink reads (read_committed)
 * by a consumer without a group, so reading commits nothing. A range may hold no row at all: the processed topic is
 * written in transactions, and the offset Connect commits after a file's last row is often that transaction's
 * commit marker, one below the end. Such a range is caught up, which only reading past the marker can tell, so
 * one poll is not enough: it polls until each range yields a row or the consumer's position reaches its end.
 */
final class FirstRows {

    /** Offsets {@code from} (inclusive) to {@code end} (exclusive) of a partition. */
    record Range(long from, long end) {}

    private static final Duration POLL = Duration.ofMillis(200);
    /** Only the first row of each range is wanted; the broker still sends at least one whole batch. */
    private static final int FETCH_BYTES_PER_PARTITION = 64 * 1024;

    private final KafkaClientSettings client;
    private final Duration timeout;

    FirstRows(KafkaClientSettings client, Duration timeout) {
        this.client = client;
        this.timeout = timeout;
    }

    /** The first row's timestamp of each range that holds a row; ranges without one are left out. */
    Map<TopicPartition, Long> timestamps(Map<TopicPartition, Range> ranges) {
        Map<TopicPartition, Long> timestamps = new HashMap<>();
        if (ranges.isEmpty()) {
            return timestamps;
        }
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            consumer.assign(ranges.keySet());
            ranges.forEach((partition, range) -> consumer.seek(partition, range.from()));
            Set<TopicPartition> open = new HashSet<>(ranges.keySet());
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!open.isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(
                            "cannot read the first uncommitted row of " + open + " within " + timeout);
                }
                ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
                for (TopicPartition partition : List.copyOf(open)) {
                    Range range = ranges.get(partition);
                    List<ConsumerRecord<byte[], byte[]>> read = records.records(partition);
                    if (!read.isEmpty() && read.get(0).offset() < range.end()) {
                        timestamps.put(partition, read.get(0).timestamp());
                    }
                    if (!read.isEmpty() || consumer.position(partition, timeout) >= range.end()) {
                        open.remove(partition);
                        consumer.pause(List.of(partition));
                    }
                }
            }
        }
        return timestamps;
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        Map<String, Object> settings = new HashMap<>(client.common());
        settings.put(
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                IsolationLevel.READ_COMMITTED.name().toLowerCase(Locale.ROOT));
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // A committed offset the topic has since deleted is a fault of its own: say so rather than skip ahead.
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
        settings.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, FETCH_BYTES_PER_PARTITION);
        settings.put(ConsumerConfig.CLIENT_ID_CONFIG, "table-freshness-probe");
        return new KafkaConsumer<>(settings, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
}
