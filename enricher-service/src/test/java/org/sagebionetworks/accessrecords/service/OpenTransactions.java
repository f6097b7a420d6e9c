package org.sagebionetworks.accessrecords.service;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * Whether a transaction with records in it is open on some partitions: the broker then holds records past the
 * last stable offset (what read_committed may read up to) and below the high watermark.
 */
final class OpenTransactions implements AutoCloseable {

    private final Admin admin;

    OpenTransactions(String bootstrapServers) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /** Whether one of the partitions has an open transaction now. */
    boolean open(Set<TopicPartition> partitions) throws Exception {
        Map<TopicPartition, Long> stable = ends(partitions, IsolationLevel.READ_COMMITTED);
        Map<TopicPartition, Long> written = ends(partitions, IsolationLevel.READ_UNCOMMITTED);
        return partitions.stream().anyMatch(partition -> written.get(partition) > stable.get(partition));
    }

    /** Waits until one of the partitions has an open transaction; false if none showed within the timeout. */
    boolean awaitOpen(Set<TopicPartition> partitions, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        // No pause between looks: a transaction lasts about a commit interval (100 ms), and the caller acts at once.
        while (System.nanoTime() < deadline) {
            if (open(partitions)) {
                return true;
            }
        }
        return false;
    }

    private Map<TopicPartition, Long> ends(Set<TopicPartition> partitions, IsolationLevel isolation)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<TopicPartition, OffsetSpec> latest =
                partitions.stream().collect(Collectors.toMap(Function.identity(), partition -> OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResultInfo> ends = admin.listOffsets(latest, new ListOffsetsOptions(isolation))
                .all()
                .get(10, TimeUnit.SECONDS);
        return ends.entrySet().stream()
                .collect(Collectors.toMap(
                        Map.Entry::getKey, entry -> entry.getValue().offset()));
    }

    @Override
    public void close() {
        admin.close();
    }
}
