package org.sagebionetworks.accessrecords.service.dedup;

import jakarta.inject.Singleton;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.sagebionetworks.accessrecords.kafka.KafkaClientSettings;
import org.sagebionetworks.accessrecords.service.config.DedupConfig;
import org.sagebionetworks.accessrecords.service.config.PipelineConfig;
import org.sagebionetworks.accessrecords.service.kafka.KafkaWaits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes from the seen-sessions changelog what a record from the future wrote there before {@link ClockSkewLimit}
 * existed. A window store restored from its changelog takes the newest time among the restored keys as its own and
 * from then on drops every put and lookup older than that minus the horizon: a sighting from 2099 in the changelog
 * keeps dedup off in every task restored from it, until Kafka's retention deletes the segment holding it (days).
 *
 * <p>Cheap when nothing is wrong: only a partition whose newest-event-time changelog ends beyond the clock skew (the
 * old code set that time with every such sighting, and the dedup step forgets it once it runs) has its
 * seen-sessions changelog read, and then cut just after the last sighting from the future. What is cut was dead
 * already: the store had dropped every older sighting when the future one arrived.
 */
@Singleton
public final class FutureSightingsTrim {

    private static final Logger LOG = LoggerFactory.getLogger(FutureSightingsTrim.class);
    /** Kafka Streams' window store key: the record key, the window start (8 bytes), a sequence number (4 bytes). */
    private static final int WINDOW_START_FROM_END = Long.BYTES + Integer.BYTES;

    private final KafkaClientSettings client;
    private final PipelineConfig pipeline;
    private final Duration maxClockSkew;

    public FutureSightingsTrim(KafkaClientSettings client, PipelineConfig pipeline, DedupConfig dedup) {
        this.client = client;
        this.pipeline = pipeline;
        this.maxClockSkew = dedup.maxClockSkew();
    }

    /** Trims every polluted partition; true when it trimmed one, so local state built from it must go too. */
    public boolean trim() {
        long latestAllowed = System.currentTimeMillis() + maxClockSkew.toMillis();
        String newest = changelog(DedupStep.NEWEST_EVENT_TIME);
        String seen = changelog(DedupStep.SEEN_SESSIONS);
        try (Admin admin = Admin.create(client.common());
                KafkaConsumer<byte[], byte[]> consumer = committedReader()) {
            if (!await(admin.listTopics().names(), "list topics").containsAll(Set.of(newest, seen))) {
                return false;
            }
            ChangelogScan scan = new ChangelogScan(consumer, pipeline.startupTimeout());
            int partitions = await(admin.describeTopics(Set.of(seen)).allTopicNames(), "describe " + seen)
                    .get(seen)
                    .partitions()
                    .size();
            Map<TopicPartition, RecordsToDelete> cuts = new HashMap<>();
            for (int partition = 0; partition < partitions; partition++) {
                if (newestBeyond(scan.lastRecord(new TopicPartition(newest, partition)), latestAllowed)) {
                    TopicPartition sightings = new TopicPartition(seen, partition);
                    OptionalLong last = scan.lastOffsetWhere(sightings, key -> windowStart(key) > latestAllowed);
                    last.ifPresent(offset -> cuts.put(sightings, RecordsToDelete.beforeOffset(offset + 1)));
                }
            }
            if (cuts.isEmpty()) {
                return false;
            }
            LOG.warn(
                    "Deleting the dedup changelog up to its last sighting stamped after {} (now + max-clock-skew), "
                            + "left by records from before that limit; the local state is rebuilt from what remains: {}",
                    Instant.ofEpochMilli(latestAllowed),
                    cuts);
            await(admin.deleteRecords(cuts).all(), "delete records " + cuts);
            return true;
        }
    }

    private static boolean newestBeyond(Optional<ConsumerRecord<byte[], byte[]>> last, long latestAllowed) {
        return last.map(ConsumerRecord::value)
                .map(value -> Serdes.Long().deserializer().deserialize(null, value) > latestAllowed)
                .orElse(false);
    }

    static long windowStart(byte[] storeKey) {
        return ByteBuffer.wrap(storeKey).getLong(storeKey.length - WINDOW_START_FROM_END);
    }

    private String changelog(String store) {
        return pipeline.applicationId() + "-" + store + "-changelog";
    }

    private KafkaConsumer<byte[], byte[]> committedReader() {
        Map<String, Object> settings = new HashMap<>(client.common());
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(settings, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private <T> T await(KafkaFuture<T> future, String action) {
        return KafkaWaits.await(future, action, pipeline.startupTimeout());
    }
}
