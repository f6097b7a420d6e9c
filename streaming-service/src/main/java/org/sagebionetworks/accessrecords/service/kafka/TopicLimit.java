package org.sagebionetworks.accessrecords.service.kafka;

/**
 * The largest record batch a topic accepts: its {@code max.message.bytes} when set on the topic, otherwise the
 * broker's {@code message.max.bytes}, which the broker reports in the topic's place.
 *
 * @param setOnTopic whether the topic has its own {@code max.message.bytes}
 */
record TopicLimit(String topic, int maxMessageBytes, boolean setOnTopic) {

    /** For messages: the value and where it comes from. */
    String describe() {
        return setOnTopic
                ? "max.message.bytes=" + maxMessageBytes + ", set on the topic"
                : maxMessageBytes + " bytes, the broker's message.max.bytes, as the topic sets no max.message.bytes";
    }
}
