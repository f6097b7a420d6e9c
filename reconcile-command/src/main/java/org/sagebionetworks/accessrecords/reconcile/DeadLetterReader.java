package org.sagebionetworks.accessrecords.reconcile;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.sagebionetworks.accessrecords.kafka.KafkaClientSettings;

/**
 * The dead letters written from a time to the topic's end as it was when the read began, counted by the record
 * day of their value (the original line) where it has one. No consumer group: nothing is committed.
 */
final class DeadLetterReader {

    private final KafkaClientSettings client;
    private final String topic;
    private final Duration timeout;

    DeadLetterReader(KafkaClientSettings client, String topic, Duration timeout) {
        this.client = client;
        this.topic = topic;
        this.timeout = timeout;
    }

    DayTally read(RecordDays days, Instant since) {
        DayTally letters = new DayTally();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = partitions(consumer);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            consumer.assign(partitions);
            seekTo(consumer, partitions, since, end);
            readToEnd(consumer, end, days, letters);
        }
        return letters;
    }

    private List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> consumer) {
        var infos = consumer.partitionsFor(topic, timeout);
        if (infos == null || infos.isEmpty()) {
            throw new IllegalStateException("the dead-letter topic " + topic + " does not exist: check "
                    + "--dead-letter-topic (ACCESS_RECORDS_TOPICS_DEAD_LETTER)");
        }
        return infos.stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
    }

    private void seekTo(
            KafkaConsumer<byte[], byte[]> consumer,
            List<TopicPartition> partitions,
            Instant since,
            Map<TopicPartition, Long> end) {
        Map<TopicPartition, Long> query = new HashMap<>();
        partitions.forEach(partition -> query.put(partition, since.toEpochMilli()));
        Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query, timeout);
        for (TopicPartition partition : partitions) {
            OffsetAndTimestamp first = found.get(partition);
            consumer.seek(partition, first == null ? end.get(partition) : first.offset());
        }
    }

    /** Polls until every partition's position reaches its end; gives up when nothing moves for the timeout. */
    private void readToEnd(
            KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end, RecordDays days, DayTally letters) {
        long idleSince = System.nanoTime();
        while (!reachedEnd(consumer, end)) {
            var records = consumer.poll(Duration.ofMillis(500));
            for (ConsumerRecord<byte[], byte[]> letter : records) {
                if (letter.offset() < end.get(new TopicPartition(letter.topic(), letter.partition()))) {
                    count(letter.value(), days, letters);
                }
            }
            if (!records.isEmpty()) {
                idleSince = System.nanoTime();
            } else if (System.nanoTime() - idleSince > timeout.toNanos()) {
                throw new IllegalStateException("the dead-letter topic " + topic + " gave nothing for " + timeout
                        + " before its end: check --bootstrap-servers (KAFKA_BOOTSTRAP_SERVERS) and --msk-iam");
            }
        }
    }

    private static boolean reachedEnd(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    private static void count(byte[] value, RecordDays days, DayTally letters) {
        var day = RecordTime.dayOf(value);
        if (day.isEmpty()) {
            letters.countWithoutTime();
        } else if (days.contains(day.get())) {
            letters.count(day.get());
        }
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        Map<String, Object> settings = client.common();
        settings.put(
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                IsolationLevel.READ_COMMITTED.name().toLowerCase(Locale.ROOT));
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 * 1024 * 1024);
        return new KafkaConsumer<>(settings, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
}
