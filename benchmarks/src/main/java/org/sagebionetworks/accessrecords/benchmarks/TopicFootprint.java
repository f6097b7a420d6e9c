package org.sagebionetworks.accessrecords.benchmarks;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.clients.admin.ReplicaInfo;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.sagebionetworks.accessrecords.testsupport.KafkaCluster;

/**
 * What a topic takes on the in-JVM broker: the size of its log segments (batch headers, compression and transaction
 * markers included, as the broker stores them), and the committed records in it with their uncompressed values.
 */
final class TopicFootprint {

    private static final Duration READ_TIMEOUT = Duration.ofMinutes(2);

    private TopicFootprint() {}

    /**
     * The topic's bytes in the broker's log dirs. Fails rather than under-count when the description misses a
     * partition (once seen in the publisher harness).
     */
    static long bytesOnBroker(String topic, int partitions) {
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaCluster.bootstrapServers()))) {
            int broker = admin.describeCluster().nodes().get().iterator().next().id();
            Map<String, LogDirDescription> dirs = admin.describeLogDirs(List.of(broker))
                    .descriptions()
                    .get(broker)
                    .get();
            List<Map.Entry<TopicPartition, ReplicaInfo>> replicas = dirs.values().stream()
                    .flatMap(dir -> dir.replicaInfos().entrySet().stream())
                    .filter(replica -> replica.getKey().topic().equals(topic))
                    .toList();
            if (replicas.size() != partitions) {
                throw new IllegalStateException(
                        "the broker described " + replicas.size() + " of " + partitions + " partitions of " + topic);
            }
            return replicas.stream()
                    .mapToLong(replica -> replica.getValue().size())
                    .sum();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted measuring topic " + topic, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot measure topic " + topic, e);
        }
    }

    /** The committed records in a topic and the bytes of their values, as a consumer receives them. */
    record Contents(long records, long valueBytes) {}

    /** The records of committed transactions in the topic, read from its start to its end. */
    static Contents committedRecords(String topic, int partitions) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        KafkaCluster.bootstrapServers(),
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed",
                        ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG,
                        4 * 1024 * 1024),
                new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> all = IntStream.range(0, partitions)
                    .mapToObj(p -> new TopicPartition(topic, p))
                    .toList();
            consumer.assign(all);
            consumer.seekToBeginning(all);
            Map<TopicPartition, Long> ends = consumer.endOffsets(all);
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            long count = 0;
            long valueBytes = 0;
            while (all.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end in " + READ_TIMEOUT);
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    count++;
                    valueBytes += record.value() == null ? 0 : record.value().length;
                }
            }
            return new Contents(count, valueBytes);
        }
    }
}
