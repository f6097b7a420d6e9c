package org.sagebionetworks.accessrecords.service.freshness;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.ConsumerGroupState;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.sagebionetworks.accessrecords.kafka.KafkaClientSettings;
import org.sagebionetworks.accessrecords.service.kafka.KafkaWaits;

/**
 * Reads a sink's backlog from Kafka alone: its consumer group's committed offsets (Connect commits the offset after
 * the last row of a file in S3), the topic's committed end (read_committed, as the sink reads), and the first row
 * between the two. A partition the group has never committed is pending from its first row, as the sink, which
 * starts there, sees it.
 */
final class SinkBacklogReader {

    private final Admin admin;
    private final FirstRows firstRows;
    private final Duration timeout;

    SinkBacklogReader(Admin admin, KafkaClientSettings client, Duration timeout) {
        this.admin = admin;
        this.firstRows = new FirstRows(client, timeout);
        this.timeout = timeout;
    }

    /** The backlog now; throws when the group does not exist or Kafka does not answer within the timeout. */
    SinkBacklog read(TableSink sink) {
        List<TopicPartition> partitions = partitionsOf(sink.topic());
        Map<TopicPartition, Long> committed = committedOffsets(sink, partitions);
        Map<TopicPartition, Long> ends = offsets(partitions, OffsetSpec.latest());
        Map<TopicPartition, Long> earliest = offsets(partitions, OffsetSpec.earliest());
        Map<TopicPartition, FirstRows.Range> pending = new HashMap<>();
        for (TopicPartition partition : partitions) {
            long from = committed.getOrDefault(partition, earliest.get(partition));
            if (from < ends.get(partition)) {
                pending.put(partition, new FirstRows.Range(from, ends.get(partition)));
            }
        }
        return new SinkBacklog(firstRows.timestamps(pending));
    }

    private List<TopicPartition> partitionsOf(String topic) {
        return await(admin.describeTopics(List.of(topic)).allTopicNames(), "describe topic " + topic)
                .get(topic)
                .partitions()
                .stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
    }

    private Map<TopicPartition, Long> committedOffsets(TableSink sink, List<TopicPartition> partitions) {
        Map<TopicPartition, OffsetAndMetadata> all = await(
                admin.listConsumerGroupOffsets(sink.group()).partitionsToOffsetAndMetadata(),
                "read the committed offsets of consumer group " + sink.group());
        Map<TopicPartition, Long> committed = new HashMap<>();
        partitions.stream()
                .filter(partition -> all.get(partition) != null)
                .forEach(
                        partition -> committed.put(partition, all.get(partition).offset()));
        if (committed.isEmpty() && !exists(sink.group())) {
            throw new IllegalStateException("consumer group " + sink.group() + " does not exist: is the connector "
                    + "running, and is access-records.freshness.*sink-group its name prefixed with connect-?");
        }
        return committed;
    }

    private boolean exists(String group) {
        return await(
                                admin.describeConsumerGroups(List.of(group))
                                        .describedGroups()
                                        .get(group),
                                "describe " + group)
                        .state()
                != ConsumerGroupState.DEAD;
    }

    private Map<TopicPartition, Long> offsets(List<TopicPartition> partitions, OffsetSpec spec) {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(partition -> request.put(partition, spec));
        Map<TopicPartition, Long> offsets = new HashMap<>();
        await(
                        admin.listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
                                .all(),
                        "list the offsets of " + partitions)
                .forEach((partition, info) -> offsets.put(partition, info.offset()));
        return offsets;
    }

    private <T> T await(KafkaFuture<T> future, String action) {
        return KafkaWaits.await(future, action, timeout);
    }
}
