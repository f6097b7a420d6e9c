package org.sagebionetworks.accessrecords.replay;

import static org.sagebionetworks.accessrecords.toolsupport.KafkaCalls.await;

import java.io.PrintStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.sagebionetworks.accessrecords.replay.ReplayPlan.HistoryInput;
import org.sagebionetworks.accessrecords.replay.ReplayPlan.PartitionReset;
import org.sagebionetworks.accessrecords.schema.PipelineVersion;

/**
 * Works out a replay with read-only calls and refuses one that would hurt: while the target version's app runs
 * (its group has members), when the target is the serving version or was ever used ({@link PriorUse}), or when its
 * history topic cannot be read beside the raw topic ({@link HistoryPlanner}). Every refusal is reported at once.
 */
final class ReplayPlanner {

    private static final long POLL_MILLIS = 500;

    private final Admin admin;
    private final Duration timeout;
    private final Duration memberGrace;
    private final PrintStream notes;
    private final GroupMembers members;
    private final TopicOffsets offsets;
    private final PriorUse priorUse;
    private final HistoryPlanner historyPlanner;

    ReplayPlanner(
            Admin admin,
            Duration timeout,
            Duration memberGrace,
            PrintStream notes,
            PriorUse priorUse,
            HistoryPlanner historyPlanner) {
        this.admin = admin;
        this.timeout = timeout;
        this.memberGrace = memberGrace;
        this.notes = notes;
        this.members = new GroupMembers(admin, timeout);
        this.offsets = new TopicOffsets(admin, timeout);
        this.priorUse = priorUse;
        this.historyPlanner = historyPlanner;
    }

    ReplayPlan plan(ReplayTarget target, PipelineVersion serving, StartingPoint from, boolean discardProcessed)
            throws ReplayRefusedException, InterruptedException {
        List<String> refusals = new ArrayList<>();
        stillRunning(target, awaitMembersLeaving(target.applicationId())).ifPresent(refusals::add);
        Set<String> topics = await(admin.listTopics().names(), "list topics", timeout);
        if (!topics.contains(target.rawTopic())) {
            refusals.add("The raw topic " + target.rawTopic() + " does not exist on this cluster: check --raw-topic "
                    + "(ACCESS_RECORDS_TOPICS_RAW) and --bootstrap-servers.");
            throw ReplayRefusedException.of(refusals);
        }
        PriorUse.Findings findings = priorUse.examine(target, serving, topics, discardProcessed);
        refusals.addAll(findings.refusals());
        HistoryPlanner.Outcome history = historyPlanner.plan(target, from, topics);
        refusals.addAll(history.refusals());
        if (!refusals.isEmpty()) {
            throw ReplayRefusedException.of(refusals);
        }
        Map<TopicPartition, OffsetAndMetadata> committed = await(
                admin.listConsumerGroupOffsets(target.applicationId()).partitionsToOffsetAndMetadata(),
                "read the committed offsets of " + target.applicationId(),
                timeout);
        List<PartitionReset> resets = new ArrayList<>(rawResets(target.rawTopic(), from, committed));
        resets.addAll(historyResets(history.input(), committed));
        List<String> internal =
                topics.stream().filter(target::isInternalTopic).sorted().toList();
        return new ReplayPlan(
                target,
                from,
                resets,
                internal,
                findings,
                discardProcessed,
                Files.isDirectory(target.stateDir()),
                history.input());
    }

    /**
     * Kafka Streams does not leave its group on close: a stopped app's members stay listed until their session
     * times out (session.timeout.ms, 45 s by default). So members are given {@code memberGrace} to go before the
     * replay is refused; a running app keeps heartbeating and is refused after it.
     */
    private List<MemberDescription> awaitMembersLeaving(String group) throws InterruptedException {
        long deadline = System.nanoTime() + memberGrace.toNanos();
        List<MemberDescription> current = members.of(group);
        if (!current.isEmpty() && !memberGrace.isZero()) {
            notes.printf(
                    "Waiting up to %s for %d member(s) of %s to leave (a stopped app's members expire after "
                            + "its session timeout)...%n",
                    memberGrace, current.size(), group);
        }
        while (!current.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(POLL_MILLIS);
            current = members.of(group);
        }
        return current;
    }

    private Optional<String> stillRunning(ReplayTarget target, List<MemberDescription> current) {
        if (current.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("The " + target.version() + " app is still running: its consumer group "
                + target.applicationId() + " has " + current.size() + " active member(s) ("
                + GroupMembers.hosts(current) + ") after " + memberGrace
                + ". Stop it first (e.g. scale its ECS service "
                + "to 0), then run replay again.");
    }

    private List<PartitionReset> rawResets(
            String raw, StartingPoint from, Map<TopicPartition, OffsetAndMetadata> committed) {
        List<TopicPartition> partitions = offsets.partitionsOf(raw);
        Map<TopicPartition, ListOffsetsResultInfo> found = offsets.offsets(partitions, from.offsetSpec());
        Map<TopicPartition, ListOffsetsResultInfo> ends = offsets.offsets(partitions, OffsetSpec.latest());
        List<PartitionReset> resets = new ArrayList<>();
        for (TopicPartition partition : partitions) {
            long offset = found.get(partition).offset();
            boolean atEnd = offset < 0; // a time after every record in the partition
            resets.add(new PartitionReset(
                    partition.topic(),
                    partition.partition(),
                    atEnd ? ends.get(partition).offset() : offset,
                    atEnd,
                    committedOffset(committed, partition)));
        }
        return resets;
    }

    /** History is the version's own: all of it is read, from each partition's beginning. */
    private List<PartitionReset> historyResets(HistoryInput history, Map<TopicPartition, OffsetAndMetadata> committed) {
        if (history == null) {
            return List.of();
        }
        List<PartitionReset> resets = new ArrayList<>();
        if (!history.exists()) {
            for (int partition = 0; partition < history.partitions(); partition++) {
                resets.add(new PartitionReset(history.topic(), partition, 0, false, null));
            }
            return resets;
        }
        List<TopicPartition> partitions = offsets.partitionsOf(history.topic());
        Map<TopicPartition, ListOffsetsResultInfo> starts = offsets.offsets(partitions, OffsetSpec.earliest());
        for (TopicPartition partition : partitions) {
            resets.add(new PartitionReset(
                    partition.topic(),
                    partition.partition(),
                    starts.get(partition).offset(),
                    false,
                    committedOffset(committed, partition)));
        }
        return resets;
    }

    private static Long committedOffset(Map<TopicPartition, OffsetAndMetadata> committed, TopicPartition partition) {
        OffsetAndMetadata current = committed.get(partition);
        return current == null ? null : current.offset();
    }
}
