package org.sagebionetworks.accessrecords.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import kafka.testkit.KafkaClusterTestKit;
import kafka.testkit.TestKitNodes;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One real KRaft broker (combined broker and controller, from Kafka's own test kit) per test run, shared by every
 * integration test through {@code @ExtendWith(KafkaCluster.class)} and closed when the run ends. Settings allow
 * exactly-once on a single broker. Tests isolate themselves with {@link #uniqueName(String)} topics.
 */
public final class KafkaCluster implements BeforeAllCallback {

    private static final String STORE_KEY = KafkaCluster.class.getName();
    private static volatile Running running;

    /** Starts the shared broker if this run has none yet; it is closed when the test run ends. */
    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).getOrComputeIfAbsent(STORE_KEY, key -> start());
    }

    /** For tools outside JUnit (the benchmark harness): starts the broker, which lives until the JVM exits. */
    public static synchronized void startForThisJvm() {
        if (running == null) {
            start();
        }
    }

    public static String bootstrapServers() {
        if (running == null) {
            throw new IllegalStateException("annotate the test class with @ExtendWith(KafkaCluster.class)");
        }
        return running.kit.bootstrapServers();
    }

    public static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static void createTopic(String name, int partitions, Map<String, String> configs) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1).configs(configs)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create topic " + name, e);
        }
    }

    public static KafkaProducer<byte[], byte[]> producer(Map<String, Object> overrides) {
        return producer(bootstrapServers(), overrides);
    }

    /** The same, on a broker of the test's own (a {@link ProxiedKafka}'s, say). */
    public static KafkaProducer<byte[], byte[]> producer(String bootstrapServers, Map<String, Object> overrides) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        // KAFKA-15591: with more in flight, an idempotent producer can lose a partition's first batch.
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        props.putAll(overrides);
        return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** A consumer that sees only committed transactions, as the S3 sink does. */
    public static KafkaConsumer<byte[], byte[]> readCommittedConsumer(String topic) {
        return readCommittedConsumer(bootstrapServers(), topic);
    }

    /** The same, on a broker of the test's own (a {@link ProxiedKafka}'s, say). */
    public static KafkaConsumer<byte[], byte[]> readCommittedConsumer(String bootstrapServers, String topic) {
        return consumer(bootstrapServers, topic, IsolationLevel.READ_COMMITTED);
    }

    /**
     * A consumer of the topic from its start, in a group of its own, on any broker; with
     * {@link IsolationLevel#READ_UNCOMMITTED} it also sees the records of open and aborted transactions.
     */
    public static KafkaConsumer<byte[], byte[]> consumer(
            String bootstrapServers, String topic, IsolationLevel isolation) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, uniqueName("reader"));
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation.name().toLowerCase(Locale.ROOT));
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 * 1024 * 1024);
        KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    /**
     * Reads until {@code done} holds for everything read so far, or fails after {@code timeout}; then reads for
     * {@code settle} more to catch anything that should not have come.
     */
    public static List<ConsumerRecord<byte[], byte[]>> readUntil(
            KafkaConsumer<byte[], byte[]> consumer,
            Predicate<List<ConsumerRecord<byte[], byte[]>>> done,
            Duration timeout,
            Duration settle) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.test(records)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " with " + records.size() + " records read");
            }
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        }
        long settleUntil = System.nanoTime() + settle.toNanos();
        while (System.nanoTime() < settleUntil) {
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        }
        return records;
    }

    /**
     * A single combined broker/controller with the settings exactly-once needs on one node, not yet built: tests
     * that need a broker of their own (one they can cut off, say) add listeners and start it themselves.
     */
    public static KafkaClusterTestKit.Builder singleNode() throws Exception {
        TestKitNodes nodes = new TestKitNodes.Builder()
                .setCombined(true)
                .setNumBrokerNodes(1)
                .setNumControllerNodes(1)
                .build();
        return new KafkaClusterTestKit.Builder(nodes)
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .setConfigProp("auto.create.topics.enable", "false")
                // As the local stack's broker: a topic a test creates keeps its records, as the service's raw topic
                // must (the service refuses a raw topic that deletes them); tests of retention set it per topic.
                .setConfigProp("log.retention.ms", "-1");
    }

    private static synchronized Running start() {
        try {
            KafkaClusterTestKit kit = singleNode().build();
            kit.format();
            kit.startup();
            kit.waitForReadyBrokers();
            running = new Running(kit);
            return running;
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the test Kafka cluster", e);
        }
    }

    private record Running(KafkaClusterTestKit kit) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() throws Exception {
            running = null;
            kit.close();
        }
    }
}
