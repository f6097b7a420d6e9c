package org.sagebionetworks.accessrecords.local;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorStateInfo;
import org.apache.kafka.connect.runtime.rest.errors.ConnectRestException;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.sagebionetworks.accessrecords.connect.DeadLetterArchiveConfig;
import org.sagebionetworks.accessrecords.connect.SinkConnectorConfig;
import org.sagebionetworks.accessrecords.schema.SharedNames;
import org.sagebionetworks.accessrecords.service.config.PipelineConfig;
import org.sagebionetworks.accessrecords.service.config.TopicsConfig;
import org.sagebionetworks.accessrecords.testsupport.S3ProxyServer;

/**
 * The pipeline's parts, each the real thing, in this process: s3proxy over {@code <data-dir>/s3}, a KRaft broker
 * with a Kafka Connect worker, enricher-service (the production Micronaut application), and stand-in S3 sinks
 * configured from {@code connect-config/} exactly as production but for connector class and endpoint. The local
 * stack and the pipeline tests both run it. Each start begins empty: the broker lives in a temporary folder, so
 * files kept from an earlier run would be overwritten by new files under the same keys; the stack clears the
 * folders it owns instead.
 */
public final class LocalStack implements AutoCloseable {

    /** Files also close after an hour of record time, as in production. */
    private static final String ROTATE_INTERVAL_MS = "3600000";
    /** The archive connector's name, as Terraform names it without the stack's prefix. */
    public static final String DEAD_LETTER_ARCHIVE = "dead-letter-archive";

    private S3ProxyServer s3;
    private final EmbeddedConnectCluster connect;
    private final EmbeddedServer enricher;

    private LocalStack(S3ProxyServer s3, EmbeddedConnectCluster connect, EmbeddedServer enricher) {
        this.s3 = s3;
        this.connect = connect;
        this.enricher = enricher;
    }

    /** Starts everything but the sinks: add those with {@link #addSink(SinkSpec)}. */
    public static LocalStack start(StackSettings settings) throws Exception {
        return start(settings, Map.of());
    }

    /**
     * The same, with enricher-service settings added to the local stack's own, e.g. {@code
     * access-records.serving.from} for a version that feeds the serving sink.
     */
    public static LocalStack start(StackSettings settings, Map<String, Object> enricherSettings) throws Exception {
        clear(settings.s3Dir());
        clear(settings.streamsDir());
        // The stand-in's S3 client takes credentials from the default chain; s3proxy accepts any.
        System.setProperty("aws.accessKeyId", "local");
        System.setProperty("aws.secretAccessKey", "local");
        S3ProxyServer s3 = S3ProxyServer.start(Files.createDirectories(settings.s3Dir()), settings.s3Port());
        s3.createBucket(StackSettings.BUCKET);
        s3.createBucket(InputArchive.BUCKET);
        EmbeddedConnectCluster connect = new EmbeddedConnectCluster.Builder()
                .name("local-stack")
                .numWorkers(1)
                .brokerProps(brokerProps(settings.kafkaPort()))
                .workerProps(new HashMap<>(Map.of("offset.flush.interval.ms", "1000")))
                .build();
        connect.start();
        Map<String, Object> properties = new HashMap<>(enricherSettings);
        properties.putAll(Map.of(
                "kafka.bootstrap.servers",
                connect.kafka().bootstrapServers(),
                "micronaut.server.port",
                settings.httpPort(),
                "access-records.topics.partitions",
                2,
                "access-records.topics.replication-factor",
                1,
                "access-records.state-dir",
                settings.streamsDir().toString(),
                // A restarted app otherwise waits out the old member's 45 s session before it gets its
                // partitions.
                "kafka.streams.session.timeout.ms",
                "6000"));
        EmbeddedServer enricher = ApplicationContext.run(EmbeddedServer.class, properties);
        return new LocalStack(s3, connect, enricher);
    }

    public void addSink(SinkSpec sink) {
        connect.configureConnector(sink.name(), SinkConnectorConfig.local(sink.layout(), connectorVariables(sink)));
    }

    /**
     * Starts the dead-letter archive (connect-config/dead-letter-archive.json) over every dead-letter topic, as in
     * AWS, committing a file once it has been open for {@code rotateScheduleIntervalMs}.
     */
    public void addDeadLetterArchive(long rotateScheduleIntervalMs) {
        Map<String, String> variables = new HashMap<>();
        variables.put("connector_name", DEAD_LETTER_ARCHIVE);
        variables.put("dead_letter_topics", SharedNames.DEAD_LETTER_TOPIC + "," + SharedNames.SINK_DEAD_LETTER_TOPIC);
        variables.put("lake_bucket", StackSettings.BUCKET);
        variables.put("region", "us-east-1");
        variables.put("archive_dir", DeadLetterArchiveConfig.ARCHIVE_DIR);
        variables.put("flush_size", "1000");
        variables.put("rotate_schedule_interval_ms", String.valueOf(rotateScheduleIntervalMs));
        variables.put("s3_endpoint", s3Endpoint());
        connect.configureConnector(DEAD_LETTER_ARCHIVE, DeadLetterArchiveConfig.local(variables));
    }

    /** Where the archive writes: a folder per dead-letter topic, a {@code dead_letter_date=} folder per day. */
    public Path deadLetterArchiveDir() {
        return bucketDir().resolve(DeadLetterArchiveConfig.ARCHIVE_DIR);
    }

    /** Why the archive has stopped, if it has (errors.tolerance=none: a letter it cannot archive stops it). */
    public Optional<String> deadLetterArchiveFailure() {
        return connectorFailure(DEAD_LETTER_ARCHIVE);
    }

    public String bootstrapServers() {
        return connect.kafka().bootstrapServers();
    }

    public String enricherUrl() {
        return "http://localhost:" + enricher.getPort();
    }

    public String connectorUrl(SinkSpec sink) {
        return connect.endpointForResource("connectors/" + sink.name());
    }

    public String s3Endpoint() {
        return s3.endpoint().toString();
    }

    public Path bucketDir() {
        return s3.pathOf(StackSettings.BUCKET, "");
    }

    /** The enricher's own settings, which decide what it refuses as too large and where its dead letters go. */
    public PipelineConfig enricherPipeline() {
        return enricher.getApplicationContext().getBean(PipelineConfig.class);
    }

    public TopicsConfig enricherTopics() {
        return enricher.getApplicationContext().getBean(TopicsConfig.class);
    }

    /** One of enricher-service's own counters, e.g. {@code access.records.in}, summed over its tags. */
    public long enricherCount(String name) {
        return (long) enricher.getApplicationContext().getBean(MeterRegistry.class).find(name).counters().stream()
                .mapToDouble(Counter::count)
                .sum();
    }

    /**
     * Why a sink has stopped for good, if it has: a failed task is not restarted by Connect, so whoever waits for
     * its files should stop waiting and show this instead.
     */
    public Optional<String> sinkFailure(SinkSpec sink) {
        return connectorFailure(sink.name());
    }

    private Optional<String> connectorFailure(String name) {
        ConnectorStateInfo status;
        try {
            status = connect.connectorStatus(name);
        } catch (ConnectRestException notYetKnown) {
            // Just created or just reconfigured: no status yet is not a failure.
            return Optional.empty();
        }
        return status.tasks().stream()
                .filter(task -> "FAILED".equals(task.state()))
                .map(task -> "task " + task.id() + " of " + name + " failed: " + task.trace())
                .findFirst();
    }

    /**
     * Closes the files a quiet partition keeps open (rotation needs a later record). Lowering flush.size to 1
     * restarts the task from its committed offsets, so the open tail is re-read and written a file per row:
     * nothing twice, since open files were never uploaded.
     */
    public void flushOpenFiles(SinkSpec sink) {
        connect.patchConnectorConfig(sink.name(), Map.of("flush.size", "1"));
    }

    /**
     * Takes S3 away for {@code outage}, then brings it back on the same port over the same files: an S3 outage as
     * the sink sees it, for the tests that hold the stack to its promise of losing nothing through one.
     */
    void interruptS3(Duration outage) throws Exception {
        s3.close();
        Thread.sleep(outage.toMillis());
        s3 = s3.restart();
    }

    @Override
    public void close() throws Exception {
        enricher.getApplicationContext().close();
        connect.stop();
        s3.close();
    }

    private Map<String, String> connectorVariables(SinkSpec sink) {
        Map<String, String> variables = new HashMap<>();
        variables.put("connector_name", sink.name());
        variables.put("tasks_max", "1");
        variables.put("processed_topic", sink.topic());
        variables.put("lake_bucket", StackSettings.BUCKET);
        variables.put("region", "us-east-1");
        variables.put("topics_dir", sink.topicsDir());
        variables.put("flush_size", String.valueOf(sink.flushSize()));
        variables.put("rotate_interval_ms", ROTATE_INTERVAL_MS);
        variables.put("sink_dead_letter_topic", SharedNames.SINK_DEAD_LETTER_TOPIC);
        variables.put("replication_factor", "1");
        variables.put("s3_endpoint", s3Endpoint());
        return variables;
    }

    private static Properties brokerProps(int kafkaPort) {
        Properties props = new Properties();
        // The test kit's listener names; only the client port is the user's to choose.
        props.put("listeners", "EXTERNAL://localhost:" + kafkaPort + ",CONTROLLER://localhost:0");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("offsets.topic.replication.factor", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        // Nothing expires within a run: the raw topic keeps records of any age, as production's does and as the
        // archive loader requires of it before it loads --input files.
        props.put("log.retention.ms", "-1");
        return props;
    }

    private static void clear(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
