package org.sagebionetworks.accessrecords.replay;

import static org.sagebionetworks.accessrecords.toolsupport.KafkaCalls.await;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.sagebionetworks.accessrecords.replay.ReplayPlan.HistoryInput;

/**
 * Carries out a plan, deleting last. It checks again that the version's group has no members (time has passed
 * since planning), creates the history topic if the plan says so (which only adds), and commits the offsets, which
 * Kafka refuses while the group has members: an app started meanwhile stops the replay before anything is deleted.
 * Only then it deletes the internal topics (and a discarded processed topic), waiting until they are gone so the
 * new run's changelogs start empty, and the local state directory, so no store is restored from a checkpoint of an
 * earlier run. An app that joins after the commit may restore state that is being deleted, so the group is looked
 * at once more at the end, and such a replay is reported failed, to be run again once the app is stopped.
 */
final class ReplayExecutor {

    private static final long POLL_MILLIS = 200;

    private final Admin admin;
    private final Duration timeout;
    private final PrintStream out;
    private final GroupMembers members;

    ReplayExecutor(Admin admin, Duration timeout, PrintStream out) {
        this.admin = admin;
        this.timeout = timeout;
        this.out = out;
        this.members = new GroupMembers(admin, timeout);
    }

    void execute(ReplayPlan plan) throws ReplayRefusedException, InterruptedException {
        ReplayTarget target = plan.target();
        List<MemberDescription> early = members.of(target.applicationId());
        if (!early.isEmpty()) {
            throw new ReplayRefusedException("The " + target.version() + " app started after the plan was made: its "
                    + "group " + target.applicationId() + " has " + early.size() + " member(s) ("
                    + GroupMembers.hosts(early) + "). Stop it, then run replay again. Nothing was changed.");
        }
        createHistoryTopic(plan.history());
        commitOffsets(plan);
        deleteTopics(plan.topicsToDelete());
        if (plan.stateDirExists()) {
            deleteRecursively(target.stateDir());
            out.printf("  deleted local state %s%n", target.stateDir());
        }
        List<MemberDescription> late = members.of(target.applicationId());
        if (!late.isEmpty()) {
            throw new IllegalStateException("an app of " + target.version() + " joined its group "
                    + target.applicationId() + " (" + GroupMembers.hosts(late) + ") while replay was deleting its "
                    + "topics and state, and may have restored the earlier run's state. Stop it, then run replay "
                    + "--execute again: it does every step again.");
        }
        out.printf("Done: %s starts from %s when its service starts.%n", target.version(), plan.from());
    }

    private void createHistoryTopic(HistoryInput history) throws InterruptedException {
        if (history == null || history.exists()) {
            return;
        }
        NewTopic topic = new NewTopic(history.topic(), history.partitions(), history.replicationFactor())
                .configs(Map.of(
                        TopicConfig.RETENTION_MS_CONFIG,
                        "-1",
                        TopicConfig.MAX_MESSAGE_BYTES_CONFIG,
                        history.maxMessageBytes()));
        await(admin.createTopics(List.of(topic)).all(), "create " + history.topic(), timeout);
        awaitListed(Set.of(history.topic()), true);
        out.printf(
                "  created topic %s (%d partitions, max.message.bytes=%s, retention.ms=-1)%n",
                history.topic(), history.partitions(), history.maxMessageBytes());
    }

    private void commitOffsets(ReplayPlan plan) {
        Map<TopicPartition, OffsetAndMetadata> offsets = plan.resets().stream()
                .collect(Collectors.toMap(
                        reset -> new TopicPartition(reset.topic(), reset.partition()),
                        reset -> new OffsetAndMetadata(reset.offset(), "replay from " + plan.from())));
        String group = plan.target().applicationId();
        try {
            await(admin.alterConsumerGroupOffsets(group, offsets).all(), "set the offsets of " + group, timeout);
        } catch (IllegalStateException e) {
            throw new IllegalStateException(e.getMessage() + " (is its app running?). Nothing was deleted.", e);
        }
        out.printf(
                "  set offsets of %s: %s%n",
                group,
                plan.resets().stream()
                        .map(reset -> reset.topic() + "-" + reset.partition() + "=" + reset.offset())
                        .collect(Collectors.joining(", ")));
    }

    private void deleteTopics(List<String> topics) throws InterruptedException {
        if (topics.isEmpty()) {
            return;
        }
        await(admin.deleteTopics(topics).all(), "delete " + topics, timeout);
        awaitListed(new HashSet<>(topics), false);
        out.printf("  deleted topics %s%n", String.join(", ", topics));
    }

    /**
     * Creation and deletion are asynchronous: a topic still listed would be reused, changelog and all, by the next
     * start; one not yet listed may not take offsets yet.
     */
    private void awaitListed(Set<String> topics, boolean listed) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Set<String> all = await(admin.listTopics().names(), "list topics", timeout);
            if (topics.stream().allMatch(topic -> all.contains(topic) == listed)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("topics " + topics + " were " + (listed ? "not yet" : "still")
                        + " listed " + timeout + " after " + (listed ? "creation" : "deletion"));
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the local state " + dir + "; delete it by hand", e);
        }
    }
}
