package org.sagebionetworks.accessrecords.service.kafka;

import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;
import org.sagebionetworks.accessrecords.kafka.KafkaClientSettings;
import org.sagebionetworks.accessrecords.service.config.PipelineConfig;
import org.sagebionetworks.accessrecords.service.config.TopicsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Startup check and setup: the cluster must answer within the startup timeout (otherwise the service stops
 * with a message naming the servers it tried), and the topics of {@link DesiredTopics} exist afterwards. Existing
 * topics are left as they are, but the service refuses to start when a topic it writes would refuse a record it may
 * have to write ({@link TopicSizeCheck}) or a topic would delete records sooner than configured
 * ({@link TopicRetentionCheck}). A history topic, when set, must exist with
 * the raw topic's partitions.
 */
@Singleton
public final class TopicProvisioner {

    private static final Logger LOG = LoggerFactory.getLogger(TopicProvisioner.class);

    private final KafkaClientSettings client;
    private final TopicsConfig topics;
    private final DesiredTopics desired;
    private final PipelineConfig pipeline;

    public TopicProvisioner(
            KafkaClientSettings client, TopicsConfig topics, DesiredTopics desired, PipelineConfig pipeline) {
        this.client = client;
        this.topics = topics;
        this.desired = desired;
        this.pipeline = pipeline;
    }

    /**
     * Checks the cluster, creates missing topics and checks their size limits; throws {@link IllegalStateException}
     * saying what to fix.
     */
    public void ensureTopics() {
        Map<String, Object> settings = client.common();
        int timeoutMs = Math.toIntExact(pipeline.startupTimeout().toMillis());
        settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs);
        settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
        try (Admin admin = Admin.create(settings)) {
            Set<String> existing = await(admin.listTopics().names(), "list topics");
            if (topics.create()) {
                createMissing(admin, existing);
            } else {
                requirePresent(existing);
            }
            if (topics.history() != null) {
                requireHistoryLikeRaw(admin, existing);
            }
            checkExisting(admin);
        }
    }

    private void checkExisting(Admin admin) {
        List<String> rowTopics = desired.rowTopics();
        List<String> names = new ArrayList<>(rowTopics);
        names.addAll(List.of(topics.raw(), topics.deadLetter()));
        Map<String, Config> configs = TopicConfigs.describe(admin, names, pipeline.startupTimeout());
        List<String> problems = new ArrayList<>(TopicSizeCheck.problems(
                TopicLimit.of(topics.raw(), configs.get(topics.raw())),
                rowTopics.stream()
                        .map(name -> TopicLimit.of(name, configs.get(name)))
                        .toList(),
                TopicLimit.of(topics.deadLetter(), configs.get(topics.deadLetter())),
                pipeline.maxRecordBytes(),
                topics.deadLetterMaxMessageBytes()));
        problems.addAll(TopicRetentionCheck.problems(
                names.stream()
                        .map(name -> TopicRetention.of(name, configs.get(name)))
                        .toList(),
                desired.promises(),
                desired.tieredTopic()));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("A topic the service uses would refuse a record it must write or delete "
                    + "records before they are read, so the service does not start:\n" + String.join("\n", problems));
        }
    }

    private void createMissing(Admin admin, Set<String> existing) {
        List<NewTopic> missing = new ArrayList<>();
        for (NewTopic topic : desired.all()) {
            if (!existing.contains(topic.name())) {
                missing.add(topic);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        LOG.info("Creating topics {}", missing);
        try {
            admin.createTopics(missing).all().get(pipeline.startupTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw failure("create topics " + missing, e.getCause());
            }
        } catch (TimeoutException e) {
            throw failure("create topics " + missing, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure("create topics", e);
        }
    }

    private void requirePresent(Set<String> existing) {
        List<String> absent = desired.all().stream()
                .map(NewTopic::name)
                .filter(name -> !existing.contains(name))
                .toList();
        if (!absent.isEmpty()) {
            throw new IllegalStateException("Topics " + absent + " do not exist and access-records.topics.create is "
                    + "false: create them, or set ACCESS_RECORDS_TOPICS_CREATE=true");
        }
    }

    /**
     * The version's history topic is read by the raw topic's source: a record and its copy in the other topic meet
     * in one task, and its dedup store, only when both topics have as many partitions. It is not created here: its
     * history must be loaded before the version starts (replay --history-topic creates it, docs/replay.md).
     */
    private void requireHistoryLikeRaw(Admin admin, Set<String> existing) {
        String history = topics.history();
        if (!existing.contains(history)) {
            throw new IllegalStateException("The history topic " + history + " (access-records.topics.history, env "
                    + "ACCESS_RECORDS_TOPICS_HISTORY) does not exist: create it with replay --history-topic and load "
                    + "the history into it before starting this version (docs/replay.md), or unset the setting.");
        }
        Map<String, TopicDescription> described = await(
                admin.describeTopics(List.of(topics.raw(), history)).allTopicNames(),
                "describe " + topics.raw() + " and " + history);
        int raw = described.get(topics.raw()).partitions().size();
        int own = described.get(history).partitions().size();
        if (own != raw) {
            throw new IllegalStateException("The history topic " + history + " has " + own + " partitions and the raw "
                    + "topic " + topics.raw() + " " + raw + ": both are read by one source, and a record and its copy "
                    + "in the other meet in one task (and its dedup store) only when the counts are equal. Recreate "
                    + history + " with " + raw + " partitions (replay --history-topic does) and load it again.");
        }
        LOG.info(
                "Reading the history topic {} beside the raw topic {} ({} partitions each)",
                history,
                topics.raw(),
                raw);
    }

    private <T> T await(KafkaFuture<T> future, String action) {
        try {
            return future.get(pipeline.startupTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw failure(action, e.getCause());
        } catch (TimeoutException e) {
            throw failure(action, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure(action, e);
        }
    }

    private IllegalStateException failure(String action, Throwable cause) {
        return new IllegalStateException(
                "Kafka at " + client.bootstrapServers() + " did not let us " + action
                        + " within "
                        + Duration.ofMillis(pipeline.startupTimeout().toMillis()) + " (" + cause
                        + "). Check kafka.bootstrap.servers (KAFKA_BOOTSTRAP_SERVERS), access-records.msk-iam "
                        + "(ACCESS_RECORDS_MSK_IAM) and the network path to the brokers.",
                cause);
    }
}
