package org.sagebionetworks.accessrecords.service.dedup;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads a changelog partition's committed records, as a restore would (the consumer reads committed only). Each
 * read is bounded: it fails when a poll brings no progress for the timeout.
 */
final class ChangelogScan {

    /** Enough for the last committed write of a store cached per commit; control markers take offsets too. */
    private static final long TAIL = 1_000;

    private static final Duration POLL = Duration.ofMillis(200);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Duration timeout;

    ChangelogScan(KafkaConsumer<byte[], byte[]> consumer, Duration timeout) {
        this.consumer = consumer;
        this.timeout = timeout;
    }

    /** The partition's last committed record, or empty when it has none. */
    Optional<ConsumerRecord<byte[], byte[]>> lastRecord(TopicPartition partition) {
        long begin = consumer.beginningOffsets(List.of(partition), timeout).get(partition);
        long end = consumer.endOffsets(List.of(partition), timeout).get(partition);
        long from = Math.max(begin, end - TAIL);
        Optional<ConsumerRecord<byte[], byte[]>> last = lastRecordBetween(partition, from, end);
        return last.isEmpty() && from > begin ? lastRecordBetween(partition, begin, end) : last;
    }

    /** The offset of the last record whose key {@code matches}, reading the whole partition. */
    OptionalLong lastOffsetWhere(TopicPartition partition, Predicate<byte[]> matches) {
        long begin = consumer.beginningOffsets(List.of(partition), timeout).get(partition);
        long end = consumer.endOffsets(List.of(partition), timeout).get(partition);
        AtomicLong last = new AtomicLong(-1);
        read(partition, begin, end, record -> {
            if (matches.test(record.key())) {
                last.set(record.offset());
            }
        });
        return last.get() < 0 ? OptionalLong.empty() : OptionalLong.of(last.get());
    }

    private Optional<ConsumerRecord<byte[], byte[]>> lastRecordBetween(TopicPartition partition, long from, long end) {
        List<ConsumerRecord<byte[], byte[]>> last = new ArrayList<>(1);
        read(partition, from, end, record -> {
            last.clear();
            last.add(record);
        });
        return last.stream().findFirst();
    }

    private void read(TopicPartition partition, long from, long end, Consumer<ConsumerRecord<byte[], byte[]>> each) {
        consumer.assign(List.of(partition));
        consumer.seek(partition, from);
        long position = from;
        long deadline = System.nanoTime() + timeout.toNanos();
        while (position < end) {
            consumer.poll(POLL).records(partition).forEach(each);
            long now = consumer.position(partition, timeout);
            if (now > position) {
                position = now;
                deadline = System.nanoTime() + timeout.toNanos();
            } else if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no progress reading " + partition + " at offset " + position + " of "
                        + end + " within " + timeout);
            }
        }
    }
}
