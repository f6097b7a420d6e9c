package org.sagebionetworks.accessrecords.service.freshness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sagebionetworks.accessrecords.kafka.KafkaClientSettings;
import org.sagebionetworks.accessrecords.schema.ServiceMetricNames;
import org.sagebionetworks.accessrecords.service.metrics.PipelineMetrics;
import org.sagebionetworks.accessrecords.testsupport.KafkaCluster;

/**
 * How far the table is behind, read from the sink's consumer group on a real broker: a group stands in for the
 * S3 sink and commits as Connect does (the offset after the last row in a closed file). The processed topic is
 * written in transactions, as the service writes it, so a caught-up partition's committed offset is its commit
 * marker's, one below the end.
 */
@ExtendWith(KafkaCluster.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TablePendingAgeIT {

    private static final Instant FIRST_ROW = Instant.parse("2026-12-01T03:00:00Z");

    private final String topic = KafkaCluster.uniqueName("processed");
    private final String group = KafkaCluster.uniqueName("connect-s3-sink");
    private final MutableClock clock = new MutableClock(FIRST_ROW.plus(Duration.ofHours(1)));
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private Admin admin;
    private FreshnessProbe probe;

    @BeforeEach
    void writeRowsInTransactions() throws Exception {
        KafkaCluster.createTopic(topic, 2, Map.of());
        // Partition 0: rows a minute apart from FIRST_ROW; partition 1: three rows.
        try (KafkaProducer<byte[], byte[]> producer = KafkaCluster.producer(
                Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, UUID.randomUUID().toString()))) {
            producer.initTransactions();
            producer.beginTransaction();
            for (int row = 0; row < 5; row++) {
                send(producer, 0, FIRST_ROW.plus(Duration.ofMinutes(row)));
            }
            for (int row = 0; row < 3; row++) {
                send(producer, 1, FIRST_ROW.plus(Duration.ofMinutes(row)));
            }
            producer.commitTransaction();
        }
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaCluster.bootstrapServers()));
        probe = new FreshnessProbe(
                List.of(new TableSink(group, topic)),
                new SinkBacklogReader(
                        admin, KafkaClientSettings.of(KafkaCluster.bootstrapServers(), false), Duration.ofSeconds(10)),
                new PipelineMetrics(registry, clock),
                clock);
    }

    @AfterEach
    void close() {
        admin.close();
    }

    @Test
    void theAgeIsThatOfTheOldestRowTheSinkHasNotCommittedAndZeroOnceItCommitsTheRest() throws Exception {
        // Two rows of partition 0 are in a closed file; all of partition 1 is, up to its commit marker.
        commit(Map.of(0, 2L, 1, 3L));

        probe.probe();

        assertThat(age()).isEqualTo(Duration.ofMinutes(58).toSeconds());
        clock.advance(Duration.ofMinutes(5));
        assertThat(age()).as("between probes the age grows with the clock").isEqualTo(63 * 60.0);

        commit(Map.of(0, 5L));
        probe.probe();

        assertThat(age()).isZero();
    }

    @Test
    void aPartitionTheSinkHasNeverCommittedIsPendingFromItsFirstRow() throws Exception {
        commit(Map.of(1, 3L));

        probe.probe();

        assertThat(age()).isEqualTo(Duration.ofHours(1).toSeconds());
    }

    @Test
    void aMissingGroupPublishesNothingAndDoesNotThrow() {
        assertThatCode(probe::probe).doesNotThrowAnyException();

        assertThat(age()).isNaN();
    }

    @Test
    void anAgeIsForgottenWhenTheProbeFailsLater() throws Exception {
        commit(Map.of(0, 2L, 1, 3L));
        probe.probe();
        assertThat(age()).isPositive();

        admin.deleteConsumerGroups(List.of(group)).all().get(30, TimeUnit.SECONDS);
        probe.probe();

        assertThat(age()).isNaN();
    }

    private double age() {
        return registry.get(PipelineMetrics.TABLE_PENDING_AGE)
                .tag(ServiceMetricNames.SINK, group)
                .gauge()
                .value();
    }

    private void commit(Map<Integer, Long> offsets) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = new java.util.HashMap<>();
        offsets.forEach((partition, offset) ->
                committed.put(new TopicPartition(topic, partition), new OffsetAndMetadata(offset)));
        admin.alterConsumerGroupOffsets(group, committed).all().get(30, TimeUnit.SECONDS);
    }

    private void send(KafkaProducer<byte[], byte[]> producer, int partition, Instant timestamp) {
        producer.send(new ProducerRecord<>(topic, partition, timestamp.toEpochMilli(), new byte[] {1}, new byte[] {2}));
    }

    /** A clock the test moves. */
    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
