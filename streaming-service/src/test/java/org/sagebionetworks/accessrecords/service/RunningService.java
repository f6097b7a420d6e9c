package org.sagebionetworks.accessrecords.service;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;
import org.sagebionetworks.accessrecords.schema.PipelineVersion;
import org.sagebionetworks.accessrecords.testsupport.KafkaCluster;

/** The real Micronaut application, in this JVM, against the shared test broker, for one test's topics. */
public final class RunningService implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    public final String applicationId;
    public final String raw;
    public final String processed;
    public final String deadLetter;
    private final Map<String, Object> properties;
    private EmbeddedServer server;

    private RunningService(Map<String, Object> properties) {
        this.properties = properties;
        PipelineVersion version = PipelineVersion.of(
                (String) properties.getOrDefault("access-records.pipeline-version", PipelineVersion.DEFAULT));
        this.applicationId = (String) properties.getOrDefault("access-records.application-id", version.applicationId());
        this.raw = (String) properties.get("access-records.topics.raw");
        this.processed = (String) properties.getOrDefault("access-records.topics.processed", version.processedTopic());
        this.deadLetter = (String) properties.get("access-records.topics.dead-letter");
    }

    /** Settings for a fresh pipeline with its own topics and application id; {@code extra} overrides them. */
    static RunningService configure(Path stateDir, Map<String, Object> extra) {
        return configure(KafkaCluster.bootstrapServers(), stateDir, extra);
    }

    /** The same, on a broker of the test's own. */
    static RunningService configure(String bootstrapServers, Path stateDir, Map<String, Object> extra) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("kafka.bootstrap.servers", bootstrapServers);
        properties.put("micronaut.server.port", -1);
        properties.put("access-records.application-id", KafkaCluster.uniqueName("enricher"));
        properties.put("access-records.topics.raw", KafkaCluster.uniqueName("raw"));
        properties.put("access-records.topics.processed", KafkaCluster.uniqueName("processed"));
        properties.put("access-records.topics.dead-letter", KafkaCluster.uniqueName("dlq"));
        properties.put("access-records.topics.partitions", 2);
        properties.put("access-records.topics.replication-factor", 1);
        properties.put("access-records.state-dir", stateDir.toString());
        // A restarted app otherwise waits out the old member's 45 s session before it gets its partitions.
        properties.put("kafka.streams.session.timeout.ms", "6000");
        properties.putAll(extra);
        return new RunningService(properties);
    }

    /**
     * A pipeline named by its version alone, as in production: the application id and the processed topic are the
     * version's (so pick a version no other test uses); the raw and dead-letter topics are the ones given.
     */
    public static RunningService forVersion(
            Path stateDir, String version, String raw, String deadLetter, Map<String, Object> extra) {
        Map<String, Object> properties = new HashMap<>(configure(stateDir, Map.of()).properties);
        properties.remove("access-records.application-id");
        properties.remove("access-records.topics.processed");
        properties.put("access-records.pipeline-version", version);
        properties.put("access-records.topics.raw", raw);
        properties.put("access-records.topics.dead-letter", deadLetter);
        properties.putAll(extra);
        return new RunningService(properties);
    }

    /** The same pipeline (topics, application id), started again with other settings, e.g. a new state dir. */
    RunningService sameTopics(Map<String, Object> changes) {
        Map<String, Object> next = new HashMap<>(properties);
        next.putAll(changes);
        return new RunningService(next);
    }

    public RunningService start() {
        server = ApplicationContext.run(EmbeddedServer.class, properties);
        awaitState(KafkaStreams.State.RUNNING, Duration.ofSeconds(60));
        return this;
    }

    void awaitState(KafkaStreams.State wanted, Duration timeout) {
        StreamsLifecycle streams = server.getApplicationContext().getBean(StreamsLifecycle.class);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (streams.state() != wanted) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("streams are " + streams.state() + ", not " + wanted + ", after " + timeout);
            }
            sleep(100);
        }
    }

    /** A bean of the running application, e.g. to read what it would publish. */
    public <T> T bean(Class<T> type) {
        return server.getApplicationContext().getBean(type);
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + server.getPort() + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        if (server != null) {
            server.getApplicationContext().close();
            server = null;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
