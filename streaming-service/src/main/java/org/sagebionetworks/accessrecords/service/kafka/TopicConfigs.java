package org.sagebionetworks.accessrecords.service.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/** Reads the topics' effective settings with Admin#describeConfigs. */
final class TopicConfigs {

    private static final long RETRY_MS = 200;

    private TopicConfigs() {}

    /**
     * The settings of each topic. A topic created a moment ago may not be known yet to the broker that answers, so
     * an unknown topic is asked for again until {@code timeout}.
     */
    static Map<String, Config> describe(Admin admin, Collection<String> topics, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                return describeOnce(admin, topics, timeout);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
                    throw failure(topics, timeout, e.getCause());
                }
            } catch (TimeoutException e) {
                throw failure(topics, timeout, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failure(topics, timeout, e);
            }
            pause();
        }
    }

    private static Map<String, Config> describeOnce(Admin admin, Collection<String> topics, Duration timeout)
            throws ExecutionException, TimeoutException, InterruptedException {
        Map<ConfigResource, Config> configs = admin.describeConfigs(topics.stream()
                        .map(topic -> new ConfigResource(ConfigResource.Type.TOPIC, topic))
                        .toList())
                .all()
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        Map<String, Config> byTopic = new HashMap<>();
        configs.forEach((resource, config) -> byTopic.put(resource.name(), config));
        return byTopic;
    }

    private static IllegalStateException failure(Collection<String> topics, Duration timeout, Throwable cause) {
        String hint = cause instanceof AuthorizationException
                ? "The service needs to describe these topics' configuration (with MSK IAM: "
                        + "kafka-cluster:DescribeTopicDynamicConfiguration on each)."
                : "Check that the brokers answer within " + timeout + " (access-records.startup-timeout).";
        return new IllegalStateException(
                "Could not read the settings of topics " + topics + " (" + cause + "). " + hint, cause);
    }

    private static void pause() {
        try {
            Thread.sleep(RETRY_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading topic settings", e);
        }
    }
}
