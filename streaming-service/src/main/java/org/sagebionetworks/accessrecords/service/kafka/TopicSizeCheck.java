package org.sagebionetworks.accessrecords.service.kafka;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether the topics rows go to (processed, serving) and the dead-letter topic accept the largest records the service may write to them. A topic
 * that refuses one does so for good, so the service would stop at that record; better to refuse to start, saying
 * which setting to change and to what.
 */
final class TopicSizeCheck {

    private static final String ALTER = "kafka-configs.sh --bootstrap-server <brokers> --alter --entity-type topics "
            + "--entity-name %s --add-config max.message.bytes=%d";
    /** The smallest access-records.max-record-bytes the service accepts. */
    private static final int SMALLEST_MAX_RECORD_BYTES = 1024;

    private TopicSizeCheck() {}

    /** What is wrong, one sentence each with its fix; empty when every topic fits. */
    static List<String> problems(
            TopicLimit raw,
            List<TopicLimit> rowTopics,
            TopicLimit deadLetter,
            int maxRecordBytes,
            int deadLetterMaxMessageBytes) {
        List<String> problems = new ArrayList<>();
        int row = RecordSizeRequirements.processed(maxRecordBytes);
        for (TopicLimit rowTopic : rowTopics) {
            if (rowTopic.maxMessageBytes() < row) {
                problems.add(processedTooSmall(rowTopic, maxRecordBytes, row));
            }
        }
        int letter = RecordSizeRequirements.deadLetter(raw.maxMessageBytes());
        if (deadLetter.maxMessageBytes() < letter) {
            problems.add(deadLetterTooSmall(raw, deadLetter, letter));
        }
        int producer = RecordSizeRequirements.producerMaxRequestBytes(maxRecordBytes, deadLetterMaxMessageBytes);
        if (producer < letter) {
            problems.add(producerTooSmall(raw, letter, producer));
        }
        return problems;
    }

    private static String processedTooSmall(TopicLimit processed, int maxRecordBytes, int row) {
        int largest = RecordSizeRequirements.largestMaxRecordBytesFor(processed.maxMessageBytes());
        String orLower = largest < SMALLEST_MAX_RECORD_BYTES
                ? ""
                : "; or lower access-records.max-record-bytes (ACCESS_RECORDS_MAX_RECORD_BYTES) to at most " + largest;
        return "Topic " + processed.topic() + " would refuse rows the service must write to it: it accepts "
                + processed.describe() + ", but the row of a raw record of access-records.max-record-bytes="
                + maxRecordBytes + " bytes takes up to " + row + ". Raise it: " + alter(processed, row) + orLower + ".";
    }

    private static String deadLetterTooSmall(TopicLimit raw, TopicLimit deadLetter, int letter) {
        int largestRaw = deadLetter.maxMessageBytes() - RecordSizeRequirements.DEAD_LETTER_HEADER_BYTES;
        String orLower = largestRaw <= 0
                ? ""
                : "; or give the raw topic " + raw.topic() + " max.message.bytes=" + largestRaw + " or less";
        return "Topic " + deadLetter.topic() + " would refuse dead letters the service must write to it: it accepts "
                + deadLetter.describe() + ", but a dead letter carries a whole raw record, up to the raw topic "
                + raw.topic() + "'s limit (" + raw.describe() + "), plus up to "
                + RecordSizeRequirements.DEAD_LETTER_HEADER_BYTES + " bytes of reason headers. Raise it: "
                + alter(deadLetter, letter) + orLower + ".";
    }

    private static String producerTooSmall(TopicLimit raw, int letter, int producer) {
        return "The service's producer would refuse dead letters of up to " + letter + " bytes (a raw record up to the "
                + "raw topic " + raw.topic() + "'s limit, " + raw.maxMessageBytes()
                + " bytes, with its reason headers): "
                + "it sends at most " + producer + " bytes. Set access-records.topics.dead-letter-max-message-bytes "
                + "(ACCESS_RECORDS_TOPICS_DEAD_LETTER_MAX_MESSAGE_BYTES) to at least " + letter + ".";
    }

    private static String alter(TopicLimit topic, int bytes) {
        return String.format(ALTER, topic.topic(), bytes);
    }
}
