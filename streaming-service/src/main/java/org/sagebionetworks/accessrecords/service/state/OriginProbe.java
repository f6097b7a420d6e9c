package org.sagebionetworks.accessrecords.service.state;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.sagebionetworks.accessrecords.service.kafka.KafkaWaits;

/** Asks the cluster for the {@link StateOrigin} an application's local state would be built from now. */
final class OriginProbe {

    private final Admin admin;
    private final Duration timeout;

    OriginProbe(Admin admin, Duration timeout) {
        this.admin = admin;
        this.timeout = timeout;
    }

    /** The cluster, the raw topic and every changelog of {@code applicationId} that exists now. */
    StateOrigin probe(String rawTopic, String applicationId) {
        String clusterId = await(admin.describeCluster().clusterId(), "describe the cluster");
        Set<String> topics = await(admin.listTopics().names(), "list topics").stream()
                .filter(topic -> topic.equals(rawTopic) || isChangelog(topic, applicationId))
                .collect(Collectors.toSet());
        Map<String, TopicDescription> described =
                await(admin.describeTopics(topics).allTopicNames(), "describe topics " + topics);
        Map<String, String> ids = new TreeMap<>();
        described.forEach(
                (name, description) -> ids.put(name, description.topicId().toString()));
        return new StateOrigin(clusterId, new TreeMap<>(ids));
    }

    /** Kafka Streams names a store's changelog {@code <application.id>-<store>-changelog}. */
    static boolean isChangelog(String topic, String applicationId) {
        return topic.startsWith(applicationId + "-") && topic.endsWith("-changelog");
    }

    private <T> T await(KafkaFuture<T> future, String action) {
        return KafkaWaits.await(future, action, timeout);
    }
}
