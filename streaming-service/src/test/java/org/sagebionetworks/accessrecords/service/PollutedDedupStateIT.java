package org.sagebionetworks.accessrecords.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sagebionetworks.accessrecords.service.ServiceRecords.metric;
import static org.sagebionetworks.accessrecords.service.ServiceRecords.text;
import static org.sagebionetworks.accessrecords.service.ServiceRecords.utf8;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.internals.WindowKeySchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sagebionetworks.accessrecords.service.dedup.DedupStep;
import org.sagebionetworks.accessrecords.testing.RawRecords;
import org.sagebionetworks.accessrecords.testsupport.KafkaCluster;

/**
 * Dedup state that a record stamped 2099 polluted before the clock-skew limit existed must not keep dedup off after
 * the upgrade, also where the stores are restored from their changelogs (a new task without a volume, as on ECS).
 */
@ExtendWith(KafkaCluster.class)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class PollutedDedupStateIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int UNIQUE = 100;
    private static final int RESENT = 20;
    private static final long YEAR_2099 = Instant.parse("2099-12-31T00:00:00Z").toEpochMilli();

    @TempDir
    Path stateDir;

    @Test
    void aTaskRestoredFromChangelogsPollutedBeforeTheUpgradeDeduplicatesAgain(@TempDir Path newTaskStateDir)
            throws Exception {
        RunningService configured = RunningService.configure(stateDir, Map.of());
        try (RunningService createsTheChangelogs = configured.start()) {
            assertThat(createsTheChangelogs.applicationId).isNotBlank();
        }
        pollute(configured.applicationId);
        List<String> unique = new ArrayList<>();
        long anHourAgo = Instant.now().minus(Duration.ofHours(1)).toEpochMilli();
        for (int i = 0; i < UNIQUE; i++) {
            unique.add(RawRecords.example()
                    .sessionId("s-" + i)
                    .timestamp(anHourAgo + i)
                    .json());
        }

        try (RunningService upgraded = configured
                        .sameTopics(Map.of("access-records.state-dir", newTaskStateDir.toString()))
                        .start();
                KafkaProducer<byte[], byte[]> producer = KafkaCluster.producer(Map.of());
                KafkaConsumer<byte[], byte[]> rows = KafkaCluster.readCommittedConsumer(upgraded.processed)) {
            ServiceRecords.send(producer, upgraded.raw, unique);
            ServiceRecords.send(producer, upgraded.raw, unique.subList(0, RESENT));

            List<ConsumerRecord<byte[], byte[]>> out =
                    KafkaCluster.readUntil(rows, read -> read.size() >= UNIQUE, WAIT, Duration.ofSeconds(2));
            assertThat(out)
                    .extracting(row -> text(row.key()))
                    .doesNotHaveDuplicates()
                    .hasSize(UNIQUE);
            String prometheus = upgraded.get("/prometheus").body();
            assertThat(metric(prometheus, "access_records_duplicates_dropped_total"))
                    .isEqualTo(RESENT);
            assertThat(metric(prometheus, "access_records_late_total")).isZero();
        }
    }

    /** What the dedup step wrote for a record stamped 2099 before the limit: a sighting and the newest time. */
    private static void pollute(String applicationId) throws Exception {
        byte[] sighting = WindowKeySchema.toStoreKeyBinary(Bytes.wrap(utf8("s-2099")), YEAR_2099, 0)
                .get();
        try (KafkaProducer<byte[], byte[]> producer = KafkaCluster.producer(Map.of())) {
            for (int partition = 0; partition < 2; partition++) {
                producer.send(new ProducerRecord<>(
                                changelog(applicationId, DedupStep.SEEN_SESSIONS), partition, sighting, new byte[] {1}))
                        .get();
                producer.send(new ProducerRecord<>(
                                changelog(applicationId, DedupStep.NEWEST_EVENT_TIME),
                                partition,
                                utf8("newest"),
                                Serdes.Long().serializer().serialize(null, YEAR_2099)))
                        .get();
            }
        }
    }

    private static String changelog(String applicationId, String store) {
        return applicationId + "-" + store + "-changelog";
    }
}
