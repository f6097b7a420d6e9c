package org.sagebionetworks.accessrecords.pipeline;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.sagebionetworks.accessrecords.connect.Layout;
import org.sagebionetworks.accessrecords.connect.SinkConnectorConfig;
import org.sagebionetworks.accessrecords.testsupport.S3ProxyServer;

/**
 * The whole pipeline in this JVM, each part real: a KRaft broker and a Kafka Connect worker (Kafka's
 * EmbeddedConnectCluster), enricher-service (the Micronaut application), the stand-in S3 sink configured from
 * connect-config/ exactly as production but for class and endpoint, and s3proxy storing objects as files.
 */
final class Pipeline implements AutoCloseable {

    static final String BUCKET = "lake";
    static final String TOPICS_DIR = "topics/v1";
    static final String RAW = "synapse.accessrecords.raw";
    static final String PROCESSED = "synapse.accessrecords.processed.v1";

    final S3ProxyServer s3;
    final EmbeddedConnectCluster connect;
    final EmbeddedServer enricher;

    private Pipeline(S3ProxyServer s3, EmbeddedConnectCluster connect, EmbeddedServer enricher) {
        this.s3 = s3;
        this.connect = connect;
        this.enricher = enricher;
    }

    static Pipeline start(Path work, Layout layout) throws Exception {
        // The stand-in's S3 client takes credentials from the default chain; s3proxy accepts any.
        System.setProperty("aws.accessKeyId", "local");
        System.setProperty("aws.secretAccessKey", "local");
        S3ProxyServer s3 = S3ProxyServer.start(Files.createDirectories(work.resolve("s3")));
        s3.createBucket(BUCKET);
        EmbeddedConnectCluster connect = new EmbeddedConnectCluster.Builder()
                .name("pipeline")
                .numWorkers(1)
                .brokerProps(brokerProps())
                .workerProps(new HashMap<>(Map.of("offset.flush.interval.ms", "1000")))
                .build();
        connect.start();
        EmbeddedServer enricher = ApplicationContext.run(EmbeddedServer.class, Map.of(
                "kafka.bootstrap.servers", connect.kafka().bootstrapServers(),
                "micronaut.server.port", -1,
                "access-records.topics.partitions", 2,
                "access-records.topics.replication-factor", 1,
                "access-records.state-dir", work.resolve("streams").toString(),
                "kafka.streams.session.timeout.ms", "6000"));
        connect.configureConnector("s3-sink", SinkConnectorConfig.local(layout, connectorVariables(s3)));
        return new Pipeline(s3, connect, enricher);
    }

    /** The Parquet objects written so far, as files under the bucket. */
    List<Path> parquetFiles() throws Exception {
        Path bucket = s3.pathOf(BUCKET, "");
        try (Stream<Path> files = Files.walk(bucket)) {
            return files.filter(file -> file.toString().endsWith(".parquet")).sorted().toList();
        }
    }

    Path bucketDir() {
        return s3.pathOf(BUCKET, "");
    }

    @Override
    public void close() throws Exception {
        enricher.getApplicationContext().close();
        connect.stop();
        s3.close();
    }

    private static Map<String, String> connectorVariables(S3ProxyServer s3) {
        Map<String, String> variables = new HashMap<>();
        variables.put("connector_name", "s3-sink");
        variables.put("tasks_max", "1");
        variables.put("processed_topic", PROCESSED);
        variables.put("lake_bucket", BUCKET);
        variables.put("region", "us-east-1");
        variables.put("topics_dir", TOPICS_DIR);
        // One row per file: every row is in S3 as soon as it is read, so the test need not wait for rotation.
        variables.put("flush_size", "1");
        variables.put("rotate_interval_ms", "3600000");
        variables.put("sink_dead_letter_topic", "synapse.accessrecords.sink.dlq");
        variables.put("replication_factor", "1");
        variables.put("s3_endpoint", s3.endpoint().toString());
        return variables;
    }

    private static Properties brokerProps() {
        Properties props = new Properties();
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("offsets.topic.replication.factor", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        return props;
    }
}
