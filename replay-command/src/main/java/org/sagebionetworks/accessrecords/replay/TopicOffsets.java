package org.sagebionetworks.accessrecords.replay;

import static org.sagebionetworks.accessrecords.toolsupport.KafkaCalls.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;

/** A topic's partitions and their offsets, read with the admin client. */
final class TopicOffsets {

    private final Admin admin;
    private final Duration timeout;

    TopicOffsets(Admin admin, Duration timeout) {
        this.admin = admin;
        this.timeout = timeout;
    }

    TopicDescription describe(String topic) {
        return await(admin.describeTopics(List.of(topic)).allTopicNames(), "describe " + topic, timeout)
                .get(topic);
    }

    List<TopicPartition> partitionsOf(String topic) {
        return partitionsOf(describe(topic));
    }

    static List<TopicPartition> partitionsOf(TopicDescription topic) {
        return topic.partitions().stream()
                .map(info -> new TopicPartition(topic.name(), info.partition()))
                .toList();
    }

    Map<TopicPartition, ListOffsetsResultInfo> offsets(List<TopicPartition> partitions, OffsetSpec spec) {
        Map<TopicPartition, OffsetSpec> request =
                partitions.stream().collect(Collectors.toMap(Function.identity(), partition -> spec));
        return await(admin.listOffsets(request).all(), "list offsets", timeout);
    }

    /**
     * The sum of the partitions' log end offsets: how many offsets were ever written. Retention and deleted records
     * move a partition's start, never its end, so this stays above 0 once anything was written, even when nothing
     * is left to read. Transaction markers take offsets too, which only makes an aborted write count as a write.
     */
    long everWritten(String topic) {
        return offsets(partitionsOf(topic), OffsetSpec.latest()).values().stream()
                .mapToLong(ListOffsetsResultInfo::offset)
                .sum();
    }
}
