package org.sagebionetworks.accessrecords.service.kafka;

import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.TopicConfig;

/**
 * How long a topic keeps its records, as the brokers report it (the topic's own setting or the broker default).
 *
 * @param retentionMs    {@code retention.ms}; -1 keeps records forever
 * @param retentionBytes {@code retention.bytes} per partition; -1 sets no size limit
 * @param remoteStorage  whether the topic is tiered ({@code remote.storage.enable})
 */
record TopicRetention(String topic, long retentionMs, long retentionBytes, boolean remoteStorage) {

    static TopicRetention of(String topic, Config config) {
        return new TopicRetention(
                topic,
                Long.parseLong(value(topic, config, TopicConfig.RETENTION_MS_CONFIG, null)),
                Long.parseLong(value(topic, config, TopicConfig.RETENTION_BYTES_CONFIG, null)),
                Boolean.parseBoolean(value(topic, config, TopicConfig.REMOTE_LOG_STORAGE_ENABLE_CONFIG, "false")));
    }

    private static String value(String topic, Config config, String name, String absent) {
        ConfigEntry entry = config.get(name);
        if (entry != null && entry.value() != null) {
            return entry.value();
        }
        if (absent == null) {
            throw new IllegalStateException("The brokers did not report " + name + " of topic " + topic
                    + ", so the service cannot check that the topic keeps its records as long as it must.");
        }
        return absent;
    }
}
