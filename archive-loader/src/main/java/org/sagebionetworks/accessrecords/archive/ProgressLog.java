package org.sagebionetworks.accessrecords.archive;

import static org.sagebionetworks.accessrecords.toolsupport.KafkaCalls.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * What every load published from each object, and how far it got: a compacted topic keyed by the object's URI,
 * written in the same transaction as the records it accounts for. A progress record is therefore visible exactly
 * when its records are, which is what lets a killed loader resume without losing or repeating a record, and a
 * later run of another range skip what an earlier one published. Kafka rather than S3 markers because an S3
 * marker cannot commit atomically with Kafka records.
 */
final class ProgressLog {

    /** Current keys are object URIs; the earlier per-range ones were {@code <from>..<to> <object URI>}. */
    private static final String OBJECT_KEY_START = "s3://";

    private final String topic;

    ProgressLog(String topic) {
        this.topic = topic;
    }

    String topic() {
        return topic;
    }

    /**
     * One partition keeps reading it simple; it holds one small record per object. An empty replication factor
     * leaves it to the broker's default.
     */
    void ensureTopic(Admin admin, Optional<Short> replicationFactor, Duration timeout) {
        if (await(admin.listTopics().names(), "list topics", timeout).contains(topic)) {
            return;
        }
        NewTopic progress = new NewTopic(topic, Optional.of(1), replicationFactor)
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        await(admin.createTopics(List.of(progress)).all(), "create the progress topic " + topic, timeout);
    }

    /**
     * The committed progress of the objects that {@code wanted} accepts (by URI), read_committed, to the end.
     * Per-range records of earlier loaders count for an object until a record of the current form replaces them
     * (it is written from them).
     */
    Map<String, ObjectProgress> read(Map<String, Object> clientSettings, Predicate<String> wanted, Duration timeout) {
        Map<String, ObjectProgress> current = new HashMap<>();
        Map<String, Map<String, ObjectLoad>> legacy = new HashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = readCommitted(clientSettings)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p, timeout) < ends.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(
                            "could not read the progress topic " + topic + " within " + timeout);
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    collect(record, wanted, current, legacy);
                }
            }
        }
        legacy.forEach((object, loads) ->
                current.putIfAbsent(object, new ObjectProgress(object, List.copyOf(loads.values()))));
        return current;
    }

    private static void collect(
            ConsumerRecord<byte[], byte[]> record,
            Predicate<String> wanted,
            Map<String, ObjectProgress> current,
            Map<String, Map<String, ObjectLoad>> legacy) {
        String key = new String(record.key(), StandardCharsets.UTF_8);
        String object = key.startsWith(OBJECT_KEY_START) ? key : key.substring(key.indexOf(' ') + 1);
        if (record.value() == null || !wanted.test(object)) {
            return;
        }
        JsonNode value = ProgressJson.parse(record.value());
        ObjectProgress progress = ProgressJson.read(value);
        if (progress != null) {
            current.put(object, progress);
        } else {
            legacy.computeIfAbsent(object, o -> new HashMap<>()).put(key, ProgressJson.readLegacy(value));
        }
    }

    ProducerRecord<byte[], byte[]> record(ObjectProgress progress) {
        return new ProducerRecord<>(
                topic, progress.object().getBytes(StandardCharsets.UTF_8), ProgressJson.write(progress));
    }

    private KafkaConsumer<byte[], byte[]> readCommitted(Map<String, Object> clientSettings) {
        Map<String, Object> settings = new HashMap<>(clientSettings);
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(settings, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
}
