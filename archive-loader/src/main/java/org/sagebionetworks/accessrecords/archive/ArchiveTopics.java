package org.sagebionetworks.accessrecords.archive;

import static org.sagebionetworks.accessrecords.toolsupport.KafkaCalls.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;

/**
 * Checks, before anything is published, that the topics can take a backfill. The loader stamps records with
 * their request time, so a raw topic whose retention is shorter than the records' age would delete them before
 * the service reads them, and a broker limit on old timestamps would refuse them; both are refused up front.
 */
final class ArchiveTopics {

    /** Time the service has to read a backfilled record before retention could delete it. */
    private static final Duration READ_MARGIN = Duration.ofDays(7);

    private ArchiveTopics() {}

    /** Returns null when the topics are fit, otherwise what is wrong and what to do. */
    static String problem(Admin admin, String rawTopic, String deadLetterTopic, LoadRange range, Duration timeout) {
        Set<String> topics = await(admin.listTopics().names(), "list topics", timeout);
        for (String topic : List.of(rawTopic, deadLetterTopic)) {
            if (!topics.contains(topic)) {
                return "Topic " + topic + " does not exist: start the enricher service once (it creates its topics) "
                        + "or check --raw-topic / --dead-letter-topic and --bootstrap-servers.";
            }
        }
        Config config = await(
                        admin.describeConfigs(List.of(new ConfigResource(ConfigResource.Type.TOPIC, rawTopic)))
                                .all(),
                        "read the configuration of " + rawTopic,
                        timeout)
                .values()
                .iterator()
                .next();
        long age = Instant.now().toEpochMilli() - range.startMillis();
        long retention = longValue(config, TopicConfig.RETENTION_MS_CONFIG);
        if (retention >= 0 && age + READ_MARGIN.toMillis() > retention) {
            return "Topic " + rawTopic + " keeps records for retention.ms=" + retention + " ("
                    + Duration.ofMillis(retention) + "), but the records of " + range.from() + " are older than that "
                    + "(plus " + READ_MARGIN + " to read them): retention would delete them before the service reads "
                    + "them. Raise the topic's retention.ms (-1 keeps the raw topic forever, which replay needs anyway) "
                    + "and run again.";
        }
        for (String limit : List.of("message.timestamp.before.max.ms", "message.timestamp.difference.max.ms")) {
            long allowed = longValue(config, limit);
            if (allowed >= 0 && age > allowed) {
                return "Topic " + rawTopic + " refuses records stamped more than " + limit + "=" + allowed
                        + " ms in the past, and the records of " + range.from() + " are older: raise it and run again.";
            }
        }
        return null;
    }

    private static long longValue(Config config, String name) {
        ConfigEntry entry = config.get(name);
        return entry == null || entry.value() == null ? -1 : Long.parseLong(entry.value());
    }
}
