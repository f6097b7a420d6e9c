package org.sagebionetworks.accessrecords.archive;

import static org.sagebionetworks.accessrecords.command.KafkaCalls.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * Which objects a load finished, and how far it got in the others: a compacted topic, keyed by range and object,
 * written in the same transaction as the records it accounts for. A progress record is therefore visible exactly
 * when its records are, which is what lets a killed loader resume without losing or repeating a record. Kafka
 * rather than S3 markers because an S3 marker cannot commit atomically with Kafka records.
 */
final class ProgressLog {

    static final String DEFAULT_TOPIC = "synapse.accessrecords.archive-loader.progress";

    private final String topic;

    ProgressLog(String topic) {
        this.topic = topic;
    }

    String topic() {
        return topic;
    }

    /** One partition keeps reading it simple; it holds one small record per object and range. */
    void ensureTopic(Admin admin, short replicationFactor, Duration timeout) {
        if (await(admin.listTopics().names(), "list topics", timeout).contains(topic)) {
            return;
        }
        NewTopic progress = new NewTopic(topic, 1, replicationFactor)
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        await(admin.createTopics(List.of(progress)).all(), "create the progress topic " + topic, timeout);
    }

    /** The committed progress of {@code range}'s objects, by object URI: read_committed, to the end. */
    Map<String, ObjectProgress> read(Map<String, Object> clientSettings, LoadRange range, Duration timeout) {
        Map<String, Object> settings = new HashMap<>(clientSettings);
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        String prefix = range.id() + " ";
        Map<String, ObjectProgress> progress = new HashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(settings, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p, timeout) < ends.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read the progress topic " + topic + " within " + timeout);
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    String key = new String(record.key(), StandardCharsets.UTF_8);
                    if (key.startsWith(prefix) && record.value() != null) {
                        ObjectProgress value = ObjectProgress.fromJson(record.value());
                        progress.put(value.object(), value);
                    }
                }
            }
        }
        return progress;
    }

    ProducerRecord<byte[], byte[]> record(LoadRange range, ArchiveObject object, ObjectProgress progress) {
        return new ProducerRecord<>(topic, ObjectProgress.key(range, object).getBytes(StandardCharsets.UTF_8),
                progress.toJson());
    }
}
