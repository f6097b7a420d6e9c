package org.sagebionetworks.accessrecords.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micronaut.context.env.Environment;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.naming.conventions.StringConvention;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.sagebionetworks.accessrecords.kafka.KafkaClientSettings;
import org.sagebionetworks.accessrecords.service.config.DedupConfig;
import org.sagebionetworks.accessrecords.service.config.PipelineConfig;
import org.sagebionetworks.accessrecords.service.config.RocksDBMemoryConfig;
import org.sagebionetworks.accessrecords.service.config.ServingConfig;
import org.sagebionetworks.accessrecords.service.config.TopicsConfig;
import org.sagebionetworks.accessrecords.service.dedup.FutureSightingsTrim;
import org.sagebionetworks.accessrecords.service.errors.FailurePolicy;
import org.sagebionetworks.accessrecords.service.kafka.TopicProvisioner;
import org.sagebionetworks.accessrecords.service.metrics.PipelineMetrics;
import org.sagebionetworks.accessrecords.service.state.LocalStateGuard;
import org.sagebionetworks.accessrecords.service.topology.AccessRecordTopics;
import org.sagebionetworks.accessrecords.service.topology.AccessRecordTopology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the Kafka Streams instance: on startup checks the cluster, creates missing topics, rebuilds local state
 * built from another cluster or from changelogs since recreated, and starts the topology; on shutdown (SIGTERM
 * included) closes it within the configured timeout, which commits the open transaction. What a stream thread's
 * death leads to is {@link FailurePolicy}'s decision.
 */
@Singleton
public final class StreamsLifecycle implements ApplicationEventListener<StartupEvent> {

    /** Prefix of free-form Kafka Streams settings, e.g. {@code kafka.streams.session.timeout.ms}. */
    public static final String STREAMS_OVERRIDES = "kafka.streams";

    private static final Logger LOG = LoggerFactory.getLogger(StreamsLifecycle.class);

    private final KafkaClientSettings client;
    private final PipelineConfig pipeline;
    private final TopicsConfig topics;
    private final ServingConfig serving;
    private final DedupConfig dedup;
    private final RocksDBMemoryConfig rocksDBMemory;
    private final TopicProvisioner provisioner;
    private final LocalStateGuard localState;
    private final FutureSightingsTrim futureSightings;
    private final PipelineMetrics metrics;
    private final FailurePolicy failurePolicy;
    private final MeterRegistry registry;
    private final Map<String, Object> streamsOverrides;
    private final AtomicReference<KafkaStreams> streams = new AtomicReference<>();

    public StreamsLifecycle(
            KafkaClientSettings client,
            PipelineConfig pipeline,
            TopicsConfig topics,
            ServingConfig serving,
            DedupConfig dedup,
            RocksDBMemoryConfig rocksDBMemory,
            TopicProvisioner provisioner,
            LocalStateGuard localState,
            FutureSightingsTrim futureSightings,
            PipelineMetrics metrics,
            FailurePolicy failurePolicy,
            MeterRegistry registry,
            Environment environment) {
        this.client = client;
        this.pipeline = pipeline;
        this.topics = topics;
        this.serving = serving;
        this.dedup = dedup;
        this.rocksDBMemory = rocksDBMemory;
        this.provisioner = provisioner;
        this.localState = localState;
        this.futureSightings = futureSightings;
        this.metrics = metrics;
        this.failurePolicy = failurePolicy;
        this.registry = registry;
        this.streamsOverrides = environment.getProperties(STREAMS_OVERRIDES, StringConvention.RAW);
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        rocksDBMemory.requireRoomFor(topics.partitions());
        provisioner.ensureTopics();
        AccessRecordTopics named = AccessRecordTopics.from(topics, pipeline.version(), serving);
        Topology topology = AccessRecordTopology.build(
                named, dedup, pipeline.inputKeyedBySessionId(), pipeline.maxRecordBytes(), metrics);
        LOG.info(
                "Starting pipeline {} as {} on {}: {} -> {} (dead letters: {}; serving: {}), dedup horizon {}, "
                        + "max clock skew {}",
                pipeline.version(),
                pipeline.applicationId(),
                client.bootstrapServers(),
                named.raw().name(),
                named.processed().name(),
                named.deadLetter().name(),
                named.serving()
                        .map(feed -> feed.topic().name() + " " + feed.window())
                        .orElse("none"),
                dedup.horizon(),
                dedup.maxClockSkew());
        KafkaStreams kafkaStreams = new KafkaStreams(
                topology, StreamsSettings.of(client, pipeline, topics, rocksDBMemory, failurePolicy, streamsOverrides));
        kafkaStreams.setUncaughtExceptionHandler(failurePolicy);
        localState.rebuildIfForeign(kafkaStreams);
        if (futureSightings.trim()) {
            kafkaStreams.cleanUp();
        }
        kafkaStreams.setStateListener(localState.recordOriginOnceRunning());
        new KafkaStreamsMetrics(kafkaStreams).bindTo(registry);
        streams.set(kafkaStreams);
        kafkaStreams.start();
    }

    /** The current state, or null before startup. */
    public KafkaStreams.State state() {
        KafkaStreams kafkaStreams = streams.get();
        return kafkaStreams == null ? null : kafkaStreams.state();
    }

    @PreDestroy
    void close() {
        KafkaStreams kafkaStreams = streams.getAndSet(null);
        if (kafkaStreams != null) {
            LOG.info("Closing Kafka Streams (at most {})", pipeline.shutdownTimeout());
            boolean closed = kafkaStreams.close(pipeline.shutdownTimeout());
            LOG.info(
                    closed ? "Kafka Streams closed" : "Kafka Streams did not close within {}",
                    pipeline.shutdownTimeout());
        }
    }
}
