package org.sagebionetworks.accessrecords.service.kafka;

import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.TopicConfig;

/**
 * The largest record batch a topic accepts: its {@code max.message.bytes} when set on the topic, otherwise the
 * broker's {@code message.max.bytes}, which the broker reports in the topic's place.
 *
 * @param setOnTopic whether the topic has its own {@code max.message.bytes}
 */
record TopicLimit(String topic, int maxMessageBytes, boolean setOnTopic) {

    static TopicLimit of(String topic, Config config) {
        ConfigEntry entry = config.get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG);
        if (entry == null || entry.value() == null) {
            throw new IllegalStateException("The brokers did not report max.message.bytes of topic " + topic
                    + ", so the service cannot check that it takes the records it writes.");
        }
        return new TopicLimit(
                topic,
                Integer.parseInt(entry.value()),
                entry.source() == ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG);
    }

    /** For messages: the value and where it comes from. */
    String describe() {
        return setOnTopic
                ? "max.message.bytes=" + maxMessageBytes + ", set on the topic"
                : maxMessageBytes + " bytes, the broker's message.max.bytes, as the topic sets no max.message.bytes";
    }
}
