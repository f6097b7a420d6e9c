package org.sagebionetworks.accessrecords.service;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.ConsumerGroupState;
import org.apache.kafka.common.TopicPartition;

/**
 * Which instance of a Kafka Streams application owns which raw partitions, as the group coordinator tells it. An
 * instance is named by the {@code client.id} it was started with: its stream threads' consumers are called
 * {@code <client.id>-StreamThread-<n>-consumer}.
 */
final class StreamsGroup implements AutoCloseable {

    private final Admin admin;
    private final String applicationId;
    private final String topic;

    StreamsGroup(String bootstrapServers, String applicationId, String topic) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        this.applicationId = applicationId;
        this.topic = topic;
    }

    /** Partitions of the topic by instance, once the group is stable and the ownership satisfies {@code done}. */
    Map<String, Set<Integer>> awaitOwners(Predicate<Map<String, Set<Integer>>> done, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Set<Integer>> owners = Map.of();
        while (System.nanoTime() < deadline) {
            ConsumerGroupDescription group = describe();
            if (group != null && group.state() == ConsumerGroupState.STABLE) {
                owners = owners(group.members());
                if (done.test(owners)) {
                    return owners;
                }
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
        throw new AssertionError(
                "the group " + applicationId + " did not settle within " + timeout + "; last: " + owners);
    }

    private ConsumerGroupDescription describe() throws InterruptedException {
        try {
            return admin.describeConsumerGroups(List.of(applicationId))
                    .all()
                    .get(10, TimeUnit.SECONDS)
                    .get(applicationId);
        } catch (ExecutionException | TimeoutException e) {
            return null;
        }
    }

    private Map<String, Set<Integer>> owners(Iterable<MemberDescription> members) {
        Map<String, Set<Integer>> owners = new HashMap<>();
        for (MemberDescription member : members) {
            String instance = member.clientId().replaceFirst("-StreamThread-\\d+-consumer$", "");
            Set<Integer> partitions = owners.computeIfAbsent(instance, key -> new TreeSet<>());
            for (TopicPartition partition : member.assignment().topicPartitions()) {
                if (partition.topic().equals(topic)) {
                    partitions.add(partition.partition());
                }
            }
        }
        return owners;
    }

    @Override
    public void close() {
        admin.close();
    }
}
