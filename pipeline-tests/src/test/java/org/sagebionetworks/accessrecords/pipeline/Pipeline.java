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
 * EmbeddedConnectCluster), enricher-service (the Micronaut application), and s3proxy storing objects as files.
 * One stand-in S3 sink per layout reads the processed topic, each configured from connect-config/ exactly as
 * production but for class and endpoint, each into its own topics.dir.
 */
final class Pipeline implements AutoCloseable {

    static final String BUCKET = "lake";
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

    static Pipeline start(Path work) throws Exception {
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
        for (Layout layout : Layout.values()) {
            connect.configureConnector(connectorName(layout),
                    SinkConnectorConfig.local(layout, connectorVariables(s3, layout)));
        }
        return new Pipeline(s3, connect, enricher);
    }

    /** Each layout's files go to a topics.dir of their own, so both can be checked from one run. */
    static String topicsDir(Layout layout) {
        return "processed/v1-" + layout.fileName();
    }

    /** Where a layout's table starts: the folder Glue's table location points at. */
    Path tableDir(Layout layout) {
        return s3.pathOf(BUCKET, topicsDir(layout) + "/" + PROCESSED);
    }

    /** The Parquet objects a layout's sink has written so far, as files under the bucket. */
    List<Path> parquetFiles(Layout layout) throws Exception {
        Path table = tableDir(layout);
        if (!Files.isDirectory(table)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(table)) {
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

    private static String connectorName(Layout layout) {
        return "s3-sink-" + layout.fileName();
    }

    private static Map<String, String> connectorVariables(S3ProxyServer s3, Layout layout) {
        Map<String, String> variables = new HashMap<>();
        variables.put("connector_name", connectorName(layout));
        variables.put("tasks_max", "1");
        variables.put("processed_topic", PROCESSED);
        variables.put("lake_bucket", BUCKET);
        variables.put("region", "us-east-1");
        variables.put("topics_dir", topicsDir(layout));
        // One row per file: every row is in S3 as soon as it is read, so the test need not wait for rotation
        // (the stand-in's rotation rules have unit tests of their own).
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
