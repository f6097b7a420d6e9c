package org.sagebionetworks.accessrecords.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTaskContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A tombstone holds no row: with behavior.on.null.values=ignore it is skipped, and reported only when asked. */
class StandInS3SinkTaskTest {

    private static final TopicPartition PARTITION = new TopicPartition("processed.v1", 0);

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aSkippedTombstoneReachesTheDeadLetterTopicOnlyWhenReportingIsOn(boolean report) {
        List<SinkRecord> reported = new ArrayList<>();
        StandInS3SinkTask task = new StandInS3SinkTask();
        task.initialize(new ReportingContext(reported));
        task.start(StandInS3SinkConfigTest.settings(Map.of("report.null.values.to.dlq", String.valueOf(report))));
        try {
            task.open(Set.of(PARTITION));
            SinkRecord tombstone =
                    new SinkRecord(PARTITION.topic(), PARTITION.partition(), null, "s-1", null, null, 41);

            task.put(List.of(tombstone));

            assertThat(reported).hasSize(report ? 1 : 0).allMatch(record -> record == tombstone);
            assertThat(task.preCommit(Map.of()))
                    .as("skipped either way, so its offset is committable")
                    .containsEntry(PARTITION, new OffsetAndMetadata(42));
        } finally {
            task.stop();
        }
    }

    /** Connect's side of a task: only the dead-letter reporter is used by what this test does. */
    private record ReportingContext(List<SinkRecord> reported) implements SinkTaskContext {

        @Override
        public ErrantRecordReporter errantRecordReporter() {
            return (record, error) -> {
                reported.add(record);
                return CompletableFuture.completedFuture(null);
            };
        }

        @Override
        public Map<String, String> configs() {
            return Map.of();
        }

        @Override
        public void offset(Map<TopicPartition, Long> offsets) {}

        @Override
        public void offset(TopicPartition partition, long offset) {}

        @Override
        public void timeout(long timeoutMs) {}

        @Override
        public Set<TopicPartition> assignment() {
            return Set.of(PARTITION);
        }

        @Override
        public void pause(TopicPartition... partitions) {}

        @Override
        public void resume(TopicPartition... partitions) {}

        @Override
        public void requestCommit() {}
    }
}
