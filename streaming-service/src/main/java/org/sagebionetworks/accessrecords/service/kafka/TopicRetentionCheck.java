package org.sagebionetworks.accessrecords.service.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sagebionetworks.accessrecords.service.config.Retention;
import org.sagebionetworks.accessrecords.service.config.RetentionConfig;

/**
 * Whether existing topics keep their records as long as the configuration promises. A topic that deletes sooner
 * loses what a replay, an archive load or a sink after an outage still needs to read, and nothing would say so;
 * better to refuse to start, saying which topic to change and how.
 */
final class TopicRetentionCheck {

    private static final String ALTER =
            "kafka-configs.sh --bootstrap-server <brokers> --alter --entity-type topics " + "--entity-name %s ";

    private TopicRetentionCheck() {}

    /**
     * What is wrong, one sentence each with its fix; empty when every topic keeps its records long enough.
     *
     * @param topics      what the brokers report of each topic
     * @param promises    each topic's promised retention and the setting that states it, by topic name
     * @param tieredTopic the topic that must be tiered (the raw topic with MSK tiered storage), if any
     */
    static List<String> problems(
            List<TopicRetention> topics, Map<String, Promise> promises, Optional<String> tieredTopic) {
        List<String> problems = new ArrayList<>();
        topics.forEach(actual -> {
            Promise promise = promises.get(actual.topic());
            if (!promise.retention().keptBy(actual.retentionMs())) {
                problems.add(tooShort(actual, promise));
            }
            if (actual.retentionBytes() >= 0) {
                problems.add(sizeCapped(actual, promise));
            }
            if (tieredTopic.filter(actual.topic()::equals).isPresent() && !actual.remoteStorage()) {
                problems.add(notTiered(actual));
            }
        });
        return problems;
    }

    /** A retention and the setting (with its environment variable) that promises it. */
    record Promise(Retention retention, String setting) {}

    private static String tooShort(TopicRetention actual, Promise promise) {
        return "Topic " + actual.topic() + " deletes records after retention.ms=" + actual.retentionMs() + ", but "
                + promise.setting() + " promises " + promise.retention() + ". Raise it: "
                + String.format(ALTER, actual.topic()) + "--add-config retention.ms="
                + promise.retention().millis()
                + "; or, if the shorter time is meant, say so in " + promise.setting() + ".";
    }

    private static String sizeCapped(TopicRetention actual, Promise promise) {
        return "Topic " + actual.topic() + " deletes records beyond retention.bytes=" + actual.retentionBytes()
                + " per partition, whatever their age, so it cannot keep the " + promise.retention() + " that "
                + promise.setting() + " promises. Remove the cap: " + String.format(ALTER, actual.topic())
                + "--add-config retention.bytes=-1.";
    }

    private static String notTiered(TopicRetention actual) {
        return "Topic " + actual.topic() + " is not tiered (remote.storage.enable=false), but "
                + RetentionConfig.setting("raw-local")
                + " says the brokers keep only part of it on disk. Enable MSK tiered storage on it: "
                + String.format(ALTER, actual.topic())
                + "--add-config remote.storage.enable=true,local.retention.ms=<ms>"
                + "; or unset the setting.";
    }
}
