package org.sagebionetworks.accessrecords.replay;

import static org.sagebionetworks.accessrecords.toolsupport.KafkaCalls.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.sagebionetworks.accessrecords.replay.ReplayPlan.HistoryInput;

/**
 * The version's private history topic, which the service reads through the same source as the raw topic. It must
 * have the raw topic's partition count, so that a record and its copy in the other topic (same key) meet in one
 * task and its dedup store; and the raw topic must keep its records while the version catches up, since the history
 * reaches only up to where the raw topic starts being complete.
 */
final class HistoryPlanner {

    private final Admin admin;
    private final TopicOffsets offsets;
    private final FirstRecordTimes firstRecords;
    private final Duration timeout;

    HistoryPlanner(Admin admin, FirstRecordTimes firstRecords, Duration timeout) {
        this.admin = admin;
        this.offsets = new TopicOffsets(admin, timeout);
        this.firstRecords = firstRecords;
        this.timeout = timeout;
    }

    /** @param input null when the target has no history topic, or it cannot be used (the refusals say why) */
    record Outcome(HistoryInput input, List<String> refusals) {}

    Outcome plan(ReplayTarget target, StartingPoint from, Set<String> topics) {
        String history = target.historyTopic();
        if (history == null) {
            return new Outcome(null, List.of());
        }
        if (history.equals(target.rawTopic()) || history.equals(target.processedTopic())) {
            return new Outcome(
                    null,
                    List.of("--history-topic " + history + " is the version's raw or processed topic: "
                            + "give it a topic of its own, e.g. synapse.accessrecords.history." + target.version()
                            + "."));
        }
        List<String> refusals = new ArrayList<>();
        TopicDescription raw = offsets.describe(target.rawTopic());
        int partitions = raw.partitions().size();
        boolean exists = topics.contains(history);
        int own = exists ? offsets.describe(history).partitions().size() : partitions;
        if (own != partitions) {
            refusals.add("The history topic " + history + " has " + own
                    + " partitions and the raw topic " + raw.name() + " " + partitions
                    + ": a record and its copy in the "
                    + "other topic would land in different tasks and escape the dedup. Delete " + history + " (it is "
                    + target.version() + "'s own) and let replay create it, then load it again.");
        }
        Config rawConfig = await(
                        admin.describeConfigs(List.of(new ConfigResource(ConfigResource.Type.TOPIC, raw.name())))
                                .all(),
                        "read the configuration of " + raw.name(),
                        timeout)
                .values()
                .iterator()
                .next();
        refusals.addAll(retentionProblems(target, rawConfig));
        if (!refusals.isEmpty()) {
            return new Outcome(null, refusals);
        }
        short replication = (short) raw.partitions().get(0).replicas().size();
        // The same largest record as the raw topic: the loader publishes what the raw topic would take, and the
        // service's checks of the dead-letter topic against the raw topic then hold for the history too.
        String maxMessageBytes =
                rawConfig.get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG).value();
        return new Outcome(
                new HistoryInput(history, partitions, replication, maxMessageBytes, exists, cutover(raw, from)),
                refusals);
    }

    /**
     * Where the history ends: the replay's starting time, or, from the earliest record, the time from which every
     * raw partition holds its records (the latest of their first records' times).
     */
    private Instant cutover(TopicDescription raw, StartingPoint from) {
        if (from.time() != null) {
            return from.time();
        }
        Map<TopicPartition, Long> ends =
                offsets.offsets(TopicOffsets.partitionsOf(raw), OffsetSpec.latest()).entrySet().stream()
                        .collect(Collectors.toMap(
                                Map.Entry::getKey, entry -> entry.getValue().offset()));
        OptionalLong complete = firstRecords.latestOfFirsts(ends);
        return complete.isPresent() ? Instant.ofEpochMilli(complete.getAsLong()) : null;
    }

    /** Retention that goes on deleting would move where the raw topic starts past the cutover: a gap nobody sees. */
    private static List<String> retentionProblems(ReplayTarget target, Config config) {
        List<String> problems = new ArrayList<>();
        for (String limit : List.of(TopicConfig.RETENTION_MS_CONFIG, TopicConfig.RETENTION_BYTES_CONFIG)) {
            ConfigEntry entry = config.get(limit);
            if (entry != null && entry.value() != null && Long.parseLong(entry.value()) >= 0) {
                problems.add("The raw topic " + target.rawTopic() + " deletes records by " + limit + "=" + entry.value()
                        + ": while the history is loaded and " + target.version() + " catches up, it would delete raw "
                        + "records after the cutover that " + target.version() + " has not read, which are in neither "
                        + "input. Set " + limit + "=-1 on it for the rebuild (kafka-configs.sh --alter --entity-type "
                        + "topics --entity-name " + target.rawTopic() + " --add-config " + limit + "=-1), put it back "
                        + "once " + target.version() + " has caught up, and run replay again.");
            }
        }
        return problems;
    }
}
