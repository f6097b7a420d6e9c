package org.sagebionetworks.accessrecords.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sagebionetworks.accessrecords.service.ServiceRecords.metric;
import static org.sagebionetworks.accessrecords.service.ServiceRecords.text;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sagebionetworks.accessrecords.archive.LoaderRun.Topics;
import org.sagebionetworks.accessrecords.service.RunningService;
import org.sagebionetworks.accessrecords.service.ServiceRecords;
import org.sagebionetworks.accessrecords.testing.RawRecords;
import org.sagebionetworks.accessrecords.testing.SyntheticTraffic;
import org.sagebionetworks.accessrecords.testsupport.KafkaCluster;

/**
 * A gap filled from the archive while the live stream runs: the archive's copies of records the live stream
 * already delivered arrive inside the dedup horizon, meet their twins on the same partition (both keyed by
 * sessionId) and are dropped, so the processed topic, and the table, holds each record once.
 */
@ExtendWith(KafkaCluster.class)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ArchiveAndLiveOverlapIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path work;

    @Test
    void recordsArrivingLiveAndFromTheArchiveInsideTheHorizonBecomeOneRowEach() throws Exception {
        LocalDate day = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        List<String> lines = synthetic(day, 300);
        List<String> live = lines.subList(0, 200);
        List<String> archive = lines.subList(100, 300);
        Topics topics = Topics.create();
        String prefix = KafkaCluster.uniqueName("records");

        try (ArchiveBucket bucket = ArchiveBucket.start(work.resolve("s3"));
                RunningService service = RunningService.forVersion(
                                work.resolve("state"),
                                "v1",
                                topics.raw(),
                                topics.deadLetter(),
                                Map.of(
                                        "access-records.application-id",
                                        KafkaCluster.uniqueName("app"),
                                        "access-records.topics.processed",
                                        KafkaCluster.uniqueName("processed")))
                        .start();
                KafkaProducer<byte[], byte[]> producer = KafkaCluster.producer(Map.of());
                KafkaConsumer<byte[], byte[]> rows = KafkaCluster.readCommittedConsumer(service.processed)) {
            ServiceRecords.send(producer, topics.raw(), live);
            List<ConsumerRecord<byte[], byte[]>> read =
                    new ArrayList<>(KafkaCluster.readUntil(rows, r -> r.size() >= live.size(), WAIT, Duration.ZERO));
            bucket.put(
                    prefix
                            + String.format(
                                    "/year=%d/month=%02d/day=%02d/gap.gz",
                                    day.getYear(), day.getMonthValue(), day.getDayOfMonth()),
                    archive);

            LoaderRun load =
                    LoaderRun.of(bucket, topics, "--prefix", prefix, "--from", day.toString(), "--to", day.toString());

            assertThat(load.exitCode()).as(load.err()).isZero();
            assertThat(load.count("published")).isEqualTo(archive.size());
            read.addAll(KafkaCluster.readUntil(
                    rows, r -> read.size() + r.size() >= lines.size(), WAIT, Duration.ofSeconds(3)));
            List<String> sessionIds = read.stream().map(r -> text(r.key())).toList();
            assertThat(sessionIds).hasSize(lines.size()).doesNotHaveDuplicates();
            assertThat(Set.copyOf(sessionIds))
                    .isEqualTo(lines.stream()
                            .map(line -> RawRecords.sessionIdOf(line).orElseThrow())
                            .collect(Collectors.toSet()));
            assertThat(metric(service.get("/prometheus").body(), "access_records_duplicates_dropped_total"))
                    .isEqualTo(100);
        }
    }

    private static List<String> synthetic(LocalDate day, int count) {
        long start = day.atTime(10, 0).toInstant(ZoneOffset.UTC).toEpochMilli();
        SyntheticTraffic traffic = new SyntheticTraffic(51L, start, 1_000);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            lines.add(traffic.next());
        }
        return lines;
    }
}
