package org.sagebionetworks.accessrecords.replay;

import static org.sagebionetworks.accessrecords.command.KafkaCalls.await;

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
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Carries out a plan: first deletes the old internal topics (and the discarded processed topic) and waits until
 * they are gone, so the new run's changelogs start empty; then commits the offsets, which Kafka refuses while the
 * group has members, so an app started meanwhile stops the replay; last, deletes the local state directory, so
 * no store is restored from a checkpoint of an earlier run.
 */
final class ReplayExecutor {

    private static final long POLL_MILLIS = 200;

    private final Admin admin;
    private final Duration timeout;
    private final PrintStream out;

    ReplayExecutor(Admin admin, Duration timeout, PrintStream out) {
        this.admin = admin;
        this.timeout = timeout;
        this.out = out;
    }

    void execute(ReplayPlan plan) throws InterruptedException {
        deleteTopics(plan.topicsToDelete());
        commitOffsets(plan);
        if (plan.stateDirExists()) {
            deleteRecursively(plan.target().stateDir());
            out.printf("  deleted local state %s%n", plan.target().stateDir());
        }
        out.printf("Done: %s starts from %s when its service starts.%n", plan.target().version(), plan.from());
    }

    private void deleteTopics(List<String> topics) throws InterruptedException {
        if (topics.isEmpty()) {
            return;
        }
        await(admin.deleteTopics(topics).all(), "delete " + topics, timeout);
        awaitGone(new HashSet<>(topics));
        out.printf("  deleted topics %s%n", String.join(", ", topics));
    }

    /** Deletion is asynchronous; a topic still listed would be reused, changelog and all, by the next start. */
    private void awaitGone(Set<String> topics) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            topics.retainAll(await(admin.listTopics().names(), "list topics", timeout));
            if (topics.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("topics " + topics + " were still listed " + timeout + " after deletion");
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    private void commitOffsets(ReplayPlan plan) {
        Map<TopicPartition, OffsetAndMetadata> offsets = plan.resets().stream().collect(Collectors.toMap(
                reset -> new TopicPartition(plan.target().rawTopic(), reset.partition()),
                reset -> new OffsetAndMetadata(reset.offset(), "replay from " + plan.from())));
        await(admin.alterConsumerGroupOffsets(plan.target().applicationId(), offsets).all(),
                "set the offsets of " + plan.target().applicationId() + " (is its app running?)", timeout);
        out.printf("  set offsets of %s on %s: %s%n", plan.target().applicationId(), plan.target().rawTopic(),
                plan.resets().stream().map(reset -> reset.partition() + "=" + reset.offset())
                        .collect(Collectors.joining(", ")));
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
