package org.sagebionetworks.accessrecords.redrive;

import static org.sagebionetworks.accessrecords.toolsupport.KafkaCalls.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.sagebionetworks.accessrecords.schema.SharedNames;

/**
 * The letters redriven so far: a compacted topic with one record per letter, keyed by the letter's id and written
 * in the same transaction as its copy on the raw topic, so the record is visible exactly when the copy is. One
 * record per letter rather than a consumer group's offsets because runs choose differently (one reason today,
 * another tomorrow): an offset would mark the letters a run passed over as done, a letter's own record marks only it.
 */
final class RedriveProgress {

    static final String DEFAULT_TOPIC = SharedNames.REDRIVE_PROGRESS_TOPIC;

    private final String topic;

    RedriveProgress(String topic) {
        this.topic = topic;
    }

    String topic() {
        return topic;
    }

    boolean exists(Admin admin, Duration timeout) {
        return await(admin.listTopics().names(), "list topics", timeout).contains(topic);
    }

    /** One partition keeps reading it simple; an empty replication factor leaves it to the broker's default. */
    void ensureTopic(Admin admin, Optional<Short> replicationFactor, Duration timeout) {
        if (exists(admin, timeout)) {
            return;
        }
        NewTopic progress = new NewTopic(topic, Optional.of(1), replicationFactor)
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        await(admin.createTopics(List.of(progress)).all(), "create the progress topic " + topic, timeout);
    }

    /** The ids of every letter of {@code deadLetterTopic} a committed run redrove. */
    Set<String> redriven(TopicScan scan, String deadLetterTopic) {
        String prefix = deadLetterTopic + "/";
        Set<String> ids = new HashSet<>();
        scan.read(topic, null, record -> {
            String id = new String(record.key(), StandardCharsets.UTF_8);
            if (id.startsWith(prefix) && record.value() != null) {
                ids.add(id);
            }
        });
        return ids;
    }

    ProducerRecord<byte[], byte[]> record(Letter letter, String rawTopic, Instant now) {
        String value = "{\"raw_topic\":\"" + rawTopic + "\",\"redriven_at\":\"" + now + "\"}";
        return new ProducerRecord<>(
                topic, letter.id().getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8));
    }
}
