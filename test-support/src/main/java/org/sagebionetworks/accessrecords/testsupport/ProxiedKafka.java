package org.sagebionetworks.accessrecords.testsupport;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import kafka.testkit.KafkaClusterTestKit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.network.ListenerName;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * A KRaft broker of its own (the shared one cannot be broken per test) with two client listeners: PROXIED, which
 * the broker advertises at a {@link TcpProxy}'s port so every connection of a client bootstrapped there runs
 * through the proxy, and EXTERNAL, reached directly, from which the test reads and checks while the proxy is cut.
 */
public final class ProxiedKafka {

    private static final ListenerName PROXIED = new ListenerName("PROXIED");

    public final TcpProxy proxy;
    private final KafkaClusterTestKit kit;

    private ProxiedKafka(TcpProxy proxy, KafkaClusterTestKit kit) {
        this.proxy = proxy;
        this.kit = kit;
    }

    public static ProxiedKafka start() throws Exception {
        TcpProxy proxy = new TcpProxy();
        KafkaClusterTestKit kit = KafkaCluster.singleNode()
                .setConfigProp("listeners", "EXTERNAL://localhost:0,PROXIED://localhost:0,CONTROLLER://localhost:0")
                .setConfigProp("advertised.listeners", "EXTERNAL://localhost:0,PROXIED://localhost:" + proxy.port())
                .setConfigProp(
                        "listener.security.protocol.map", "EXTERNAL:PLAINTEXT,PROXIED:PLAINTEXT,CONTROLLER:PLAINTEXT")
                .build();
        kit.format();
        kit.startup();
        proxy.forwardTo(kit.brokers().values().iterator().next().boundPort(PROXIED));
        kit.waitForReadyBrokers();
        return new ProxiedKafka(proxy, kit);
    }

    /** Where the client under test connects: through the proxy. */
    public String proxiedBootstrap() {
        return "localhost:" + proxy.port();
    }

    /** Where the test itself connects, around the proxy, to feed and check while the proxy is cut. */
    public String directBootstrap() {
        return kit.bootstrapServers();
    }

    public String createTopic(int partitions) throws Exception {
        String name = KafkaCluster.uniqueName("raw");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kit.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        }
        return name;
    }

    /** Reads the topic directly until {@code count} records came, then a while longer to catch any extra. */
    public List<ConsumerRecord<byte[], byte[]>> read(String topic, long count, Duration timeout) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kit.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, KafkaCluster.uniqueName("reader"));
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            return KafkaCluster.readUntil(consumer, read -> read.size() >= count, timeout, Duration.ofSeconds(1));
        }
    }

    public void stop() throws Exception {
        proxy.close();
        kit.close();
    }
}
