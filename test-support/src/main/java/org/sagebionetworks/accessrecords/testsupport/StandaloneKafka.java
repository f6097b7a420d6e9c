package org.sagebionetworks.accessrecords.testsupport;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import kafka.server.BrokerServer;
import kafka.testkit.KafkaClusterTestKit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * A single-node KRaft cluster of one test's own, for faults the shared {@link KafkaCluster} must not suffer or for
 * broker settings it does not have. Its client listener has a port fixed when it starts, so the broker can be
 * stopped and started again on the same log directories and the same address, as a restarted broker process is:
 * clients reconnect to what they knew. Only the broker restarts; its controller runs on, as MSK's KRaft controllers
 * do while a broker restarts.
 */
public final class StandaloneKafka implements AutoCloseable {

    private final KafkaClusterTestKit kit;
    private final String bootstrapServers;

    private StandaloneKafka(KafkaClusterTestKit kit, int port) {
        this.kit = kit;
        this.bootstrapServers = "localhost:" + port;
    }

    /** Starts the broker with {@code brokerSettings} on top of {@link KafkaCluster#singleNode()}'s. */
    public static StandaloneKafka start(Map<String, String> brokerSettings) throws Exception {
        int port = freePort();
        KafkaClusterTestKit.Builder builder = KafkaCluster.singleNode()
                .setConfigProp("listeners", "EXTERNAL://localhost:" + port + ",CONTROLLER://localhost:0");
        brokerSettings.forEach(builder::setConfigProp);
        KafkaClusterTestKit kit = builder.build();
        kit.format();
        kit.startup();
        kit.waitForReadyBrokers();
        return new StandaloneKafka(kit, port);
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public void createTopic(String name, int partitions, Map<String, String> configs) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1).configs(configs)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        }
    }

    /** A controlled shutdown of the broker: it closes its connections and its logs, as on SIGTERM. */
    public void stopBroker() {
        broker().shutdown();
    }

    /**
     * Starts the stopped broker again on the same log directories and port; returns once it is unfenced (the
     * broker's startup waits for that) and answers clients.
     */
    public void startBroker(Duration timeout) throws Exception {
        broker().startup();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.describeCluster().nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void close() throws Exception {
        kit.close();
    }

    private BrokerServer broker() {
        return kit.brokers().values().iterator().next();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
