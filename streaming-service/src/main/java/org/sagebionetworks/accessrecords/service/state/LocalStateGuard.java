package org.sagebionetworks.accessrecords.service.state;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.sagebionetworks.accessrecords.kafka.KafkaClientSettings;
import org.sagebionetworks.accessrecords.service.config.PipelineConfig;
import org.sagebionetworks.accessrecords.service.config.TopicsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trusts the local RocksDB state only where it was built: Kafka Streams reuses a state directory and its
 * checkpoints against any cluster, so a kept volume pointed at a new cluster (a laptop recreating its Kafka, a move
 * to another MSK cluster), or changelogs deleted and recreated by a replay run elsewhere, would dedup against
 * sessions the new changelogs never held. The origin file in {@code <state.dir>/<application.id>/} records the
 * cluster and topic ids the state was built from; when they differ, the local state is wiped before Kafka Streams
 * starts and rebuilt from the changelogs.
 */
@Singleton
public final class LocalStateGuard {

    static final String ORIGIN_FILE = "enricher-state-origin.properties";
    private static final Logger LOG = LoggerFactory.getLogger(LocalStateGuard.class);

    private final KafkaClientSettings client;
    private final PipelineConfig pipeline;
    private final TopicsConfig topics;

    public LocalStateGuard(KafkaClientSettings client, PipelineConfig pipeline, TopicsConfig topics) {
        this.client = client;
        this.pipeline = pipeline;
        this.topics = topics;
    }

    /** Before {@code streams} starts: wipes the app's local state unless it was built from what the cluster has now. */
    public void rebuildIfForeign(KafkaStreams streams) {
        if (!hasLocalState()) {
            return;
        }
        StateOrigin now = probe();
        Optional<StateOrigin> recorded = StateOrigin.read(originFile());
        String why = recorded.map(now::differencesFrom).orElse("no record of the cluster it was built from");
        if (!why.isEmpty()) {
            LOG.warn(
                    "Rebuilding the local state in {} from the changelogs: it was built from another cluster or other "
                            + "topics (recorded -> now: {})",
                    appDir(),
                    why);
            streams.cleanUp();
        }
    }

    /**
     * Records the origin once {@code streams} first runs: its changelogs exist then (Kafka Streams creates them
     * while it starts) and the stores match them. Off the stream thread, which calls state listeners.
     */
    public KafkaStreams.StateListener recordOriginOnceRunning() {
        AtomicBoolean recorded = new AtomicBoolean();
        return (newState, oldState) -> {
            if (newState == KafkaStreams.State.RUNNING && recorded.compareAndSet(false, true)) {
                CompletableFuture.runAsync(() -> probe().write(originFile())).exceptionally(error -> {
                    LOG.warn(
                            "Could not record where the local state in {} comes from; the next start rebuilds it",
                            appDir(),
                            error);
                    return null;
                });
            }
        };
    }

    private StateOrigin probe() {
        Map<String, Object> settings = client.common();
        int timeoutMs = Math.toIntExact(pipeline.startupTimeout().toMillis());
        settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs);
        settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
        try (Admin admin = Admin.create(settings)) {
            return new OriginProbe(admin, pipeline.startupTimeout()).probe(topics.raw(), pipeline.applicationId());
        }
    }

    /** Kafka Streams keeps one directory per task in the app's directory; files there are not state. */
    private boolean hasLocalState() {
        if (!Files.isDirectory(appDir())) {
            return false;
        }
        try (Stream<Path> entries = Files.list(appDir())) {
            return entries.anyMatch(Files::isDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the local state in " + appDir(), e);
        }
    }

    private Path appDir() {
        return Path.of(pipeline.stateDir(), pipeline.applicationId());
    }

    private Path originFile() {
        return appDir().resolve(ORIGIN_FILE);
    }
}
