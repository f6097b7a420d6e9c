package org.sagebionetworks.accessrecords.replay;

import static org.sagebionetworks.accessrecords.command.KafkaCalls.await;

import java.io.PrintStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.sagebionetworks.accessrecords.replay.ReplayPlan.PartitionReset;

/**
 * Works out a replay with read-only admin calls and refuses one that would hurt: while the target version's app
 * runs (its group has members), or when the target's processed topic already holds rows, which a second pass
 * would duplicate in that version's table.
 */
final class ReplayPlanner {

    private static final long POLL_MILLIS = 500;

    private final Admin admin;
    private final Duration timeout;
    private final Duration memberGrace;
    private final PrintStream notes;

    ReplayPlanner(Admin admin, Duration timeout, Duration memberGrace, PrintStream notes) {
        this.admin = admin;
        this.timeout = timeout;
        this.memberGrace = memberGrace;
        this.notes = notes;
    }

    ReplayPlan plan(ReplayTarget target, StartingPoint from, boolean discardProcessed)
            throws ReplayRefusedException, InterruptedException {
        requireNoActiveMembers(target);
        Set<String> topics = await(admin.listTopics().names(), "list topics", timeout);
        if (!topics.contains(target.rawTopic())) {
            throw new ReplayRefusedException("The raw topic " + target.rawTopic() + " does not exist on this cluster: "
                    + "check --raw-topic (ACCESS_RECORDS_TOPICS_RAW) and --bootstrap-servers.");
        }
        long processed = topics.contains(target.processedTopic()) ? recordsIn(target.processedTopic()) : -1;
        if (processed > 0 && !discardProcessed) {
            throw new ReplayRefusedException("The processed topic " + target.processedTopic() + " already holds "
                    + processed + " records of an earlier run of " + target.version() + "; replaying again would "
                    + "write every row a second time. Either choose a version never used before, or discard that "
                    + "attempt: delete its connector and the S3 prefix " + target.version().topicsDir()
                    + "/, then run replay again with --discard-processed-topic.");
        }
        List<String> internal = topics.stream().filter(target::isInternalTopic).sorted().toList();
        return new ReplayPlan(target, from, resets(target, from), internal, processed, discardProcessed,
                Files.isDirectory(target.stateDir()));
    }

    /**
     * Kafka Streams does not leave its group on close: a stopped app's members stay listed until their session
     * times out (session.timeout.ms, 45 s by default). So members are given {@code memberGrace} to go before the
     * replay is refused; a running app keeps heartbeating and is refused after it.
     */
    private void requireNoActiveMembers(ReplayTarget target) throws ReplayRefusedException, InterruptedException {
        long deadline = System.nanoTime() + memberGrace.toNanos();
        List<MemberDescription> members = members(target.applicationId());
        if (!members.isEmpty() && !memberGrace.isZero()) {
            notes.printf("Waiting up to %s for %d member(s) of %s to leave (a stopped app's members expire after "
                    + "its session timeout)...%n", memberGrace, members.size(), target.applicationId());
        }
        while (!members.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(POLL_MILLIS);
            members = members(target.applicationId());
        }
        if (!members.isEmpty()) {
            String hosts = members.stream().map(MemberDescription::host).distinct().sorted()
                    .collect(Collectors.joining(", "));
            throw new ReplayRefusedException("The " + target.version() + " app is still running: its consumer group "
                    + target.applicationId() + " has " + members.size() + " active member(s) (" + hosts + ") after "
                    + memberGrace + ". Stop it first (e.g. scale its ECS service to 0), then run replay again. "
                    + "Nothing was changed.");
        }
    }

    private List<MemberDescription> members(String group) {
        try {
            return List.copyOf(await(admin.describeConsumerGroups(List.of(group)).all(), "describe the group " + group,
                    timeout).get(group).members());
        } catch (IllegalStateException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return List.of(); // Kafka 4 brokers say so for a group that never existed; 3.x ones describe it as Dead
            }
            throw e;
        }
    }

    private List<PartitionReset> resets(ReplayTarget target, StartingPoint from) {
        List<TopicPartition> partitions = partitionsOf(target.rawTopic());
        Map<TopicPartition, ListOffsetsResultInfo> found = offsets(partitions, from.offsetSpec());
        Map<TopicPartition, ListOffsetsResultInfo> ends = offsets(partitions, OffsetSpec.latest());
        Map<TopicPartition, OffsetAndMetadata> committed = await(admin.listConsumerGroupOffsets(target.applicationId())
                .partitionsToOffsetAndMetadata(), "read the committed offsets of " + target.applicationId(), timeout);
        List<PartitionReset> resets = new ArrayList<>();
        for (TopicPartition partition : partitions) {
            long offset = found.get(partition).offset();
            OffsetAndMetadata current = committed.get(partition);
            boolean atEnd = offset < 0; // a time after every record in the partition
            resets.add(new PartitionReset(partition.partition(), atEnd ? ends.get(partition).offset() : offset, atEnd,
                    current == null ? null : current.offset()));
        }
        return resets;
    }

    /** Offsets, not rows: transaction markers count too, which is enough to tell empty from not. */
    private long recordsIn(String topic) {
        List<TopicPartition> partitions = partitionsOf(topic);
        Map<TopicPartition, ListOffsetsResultInfo> earliest = offsets(partitions, OffsetSpec.earliest());
        Map<TopicPartition, ListOffsetsResultInfo> latest = offsets(partitions, OffsetSpec.latest());
        return partitions.stream().mapToLong(p -> latest.get(p).offset() - earliest.get(p).offset()).sum();
    }

    private List<TopicPartition> partitionsOf(String topic) {
        return await(admin.describeTopics(List.of(topic)).allTopicNames(), "describe " + topic, timeout).get(topic)
                .partitions().stream().map(info -> new TopicPartition(topic, info.partition())).toList();
    }

    private Map<TopicPartition, ListOffsetsResultInfo> offsets(List<TopicPartition> partitions, OffsetSpec spec) {
        Map<TopicPartition, OffsetSpec> request = partitions.stream()
                .collect(Collectors.toMap(Function.identity(), partition -> spec));
        return await(admin.listOffsets(request).all(), "list offsets", timeout);
    }
}
