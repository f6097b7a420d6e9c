package org.sagebionetworks.accessrecords.service.kafka;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.sagebionetworks.accessrecords.service.config.PipelineConfig;
import org.sagebionetworks.accessrecords.service.config.Retention;
import org.sagebionetworks.accessrecords.service.config.RetentionConfig;
import org.sagebionetworks.accessrecords.service.config.ServingConfig;
import org.sagebionetworks.accessrecords.service.config.TopicsConfig;
import org.sagebionetworks.accessrecords.service.kafka.TopicRetentionCheck.Promise;

/**
 * The topics the service reads and writes, with the settings it creates them with and holds existing ones to: the
 * raw topic, the rows' topics (processed, and serving when the version serves) and the dead-letter topic.
 */
@Singleton
public final class DesiredTopics {

    private final TopicsConfig topics;
    private final ServingConfig serving;
    private final RetentionConfig retention;
    private final PipelineConfig pipeline;

    public DesiredTopics(
            TopicsConfig topics, ServingConfig serving, RetentionConfig retention, PipelineConfig pipeline) {
        this.topics = topics;
        this.serving = serving;
        this.retention = retention;
        this.pipeline = pipeline;
    }

    /** The topics the service writes rows to: the processed topic, and the serving topic when it serves. */
    List<String> rowTopics() {
        List<String> names = new ArrayList<>(List.of(topics.processedTopic(pipeline.version())));
        serving.window().ifPresent(window -> names.add(serving.topic()));
        return names;
    }

    /** Every topic, as the service creates it when it is missing. */
    List<NewTopic> all() {
        List<NewTopic> desired = new ArrayList<>(List.of(newTopic(topics.raw(), rawConfigs())));
        rowTopics().forEach(name -> desired.add(newTopic(name, rowConfigs())));
        desired.add(newTopic(
                topics.deadLetter(),
                Map.of(
                        TopicConfig.MAX_MESSAGE_BYTES_CONFIG,
                        String.valueOf(topics.deadLetterMaxMessageBytes()),
                        TopicConfig.RETENTION_MS_CONFIG,
                        millis(retention.deadLetterRetention()))));
        return desired;
    }

    /** How long each topic must keep its records, and the setting that says so. */
    Map<String, Promise> promises() {
        Map<String, Promise> promises = new LinkedHashMap<>();
        promises.put(topics.raw(), new Promise(retention.rawRetention(), RetentionConfig.setting("raw")));
        rowTopics()
                .forEach(name -> promises.put(
                        name, new Promise(retention.processedRetention(), RetentionConfig.setting("processed"))));
        promises.put(
                topics.deadLetter(),
                new Promise(retention.deadLetterRetention(), RetentionConfig.setting("dead-letter")));
        return promises;
    }

    /** The raw topic when it must be tiered. */
    Optional<String> tieredTopic() {
        return retention.rawLocalRetention().map(local -> topics.raw());
    }

    private Map<String, String> rawConfigs() {
        Map<String, String> configs =
                new HashMap<>(Map.of(TopicConfig.RETENTION_MS_CONFIG, millis(retention.rawRetention())));
        retention.rawLocalRetention().ifPresent(local -> {
            configs.put(TopicConfig.REMOTE_LOG_STORAGE_ENABLE_CONFIG, "true");
            configs.put(TopicConfig.LOCAL_LOG_RETENTION_MS_CONFIG, millis(local));
        });
        return configs;
    }

    /** Rows are up to twice a raw record in size and read by one sink: zstd pays off. */
    private Map<String, String> rowConfigs() {
        return Map.of(
                TopicConfig.COMPRESSION_TYPE_CONFIG,
                "zstd",
                TopicConfig.MAX_MESSAGE_BYTES_CONFIG,
                String.valueOf(RecordSizeRequirements.processed(pipeline.maxRecordBytes())),
                TopicConfig.RETENTION_MS_CONFIG,
                millis(retention.processedRetention()));
    }

    private NewTopic newTopic(String name, Map<String, String> configs) {
        return new NewTopic(name, Optional.of(topics.partitions()), topics.replication()).configs(configs);
    }

    private static String millis(Retention retention) {
        return String.valueOf(retention.millis());
    }
}
