package org.sagebionetworks.accessrecords.service.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import io.micronaut.core.convert.format.ReadableBytes;

/**
 * {@code access-records.state.rocksdb.*}: the one bound on the memory every RocksDB store of the process uses.
 *
 * @param totalMemory      bytes shared by all stores: block cache, index and filter blocks, and memtables (charged
 *                         to the same cache)
 * @param writeBufferRatio the part of {@code totalMemory} the memtables may take before RocksDB flushes the largest
 */
@ConfigurationProperties("access-records.state.rocksdb")
public record RocksDBMemoryConfig(
        @Bindable(defaultValue = "128MB") @ReadableBytes long totalMemory,
        @Bindable(defaultValue = "0.5") double writeBufferRatio) {

    /**
     * RocksDB instances a partition opens: the dedup window store keeps three segments (Kafka Streams cuts its
     * retention in halves and keeps one more), and the newest-event-time store is one.
     */
    static final int INSTANCES_PER_PARTITION = 4;

    /**
     * The first arena block a memtable allocates: an eighth of Kafka Streams' 16 MiB write buffer. A memtable share
     * below one block per instance would make RocksDB flush on almost every write.
     */
    static final long MIN_MEMTABLE_BYTES_PER_INSTANCE = 2L << 20;

    private static final long MIB = 1L << 20;

    public RocksDBMemoryConfig {
        if (!(writeBufferRatio > 0 && writeBufferRatio < 1)) {
            throw new IllegalArgumentException("access-records.state.rocksdb.write-buffer-ratio "
                    + "(env ACCESS_RECORDS_STATE_ROCKSDB_WRITE_BUFFER_RATIO) must be above 0 and below 1, was "
                    + writeBufferRatio + ": the memtables and the block cache both need a share of the total");
        }
    }

    /** The memtables' share of {@link #totalMemory}, in bytes. */
    public long writeBufferBytes() {
        return (long) (totalMemory * writeBufferRatio);
    }

    /**
     * Stops startup when the memtables' share cannot give each RocksDB instance of {@code partitions} partitions its
     * first memtable block: the worst case, one service instance holding every partition.
     */
    public void requireRoomFor(int partitions) {
        long needed = partitions * INSTANCES_PER_PARTITION * MIN_MEMTABLE_BYTES_PER_INSTANCE;
        if (writeBufferBytes() < needed) {
            long neededTotalMib = (long) Math.ceil(needed / writeBufferRatio / MIB);
            throw new IllegalArgumentException("access-records.state.rocksdb.total-memory "
                    + "(env ACCESS_RECORDS_STATE_ROCKSDB_TOTAL_MEMORY) is " + totalMemory / MIB + " MiB, of which "
                    + writeBufferBytes() / MIB + " MiB for memtables (write-buffer-ratio " + writeBufferRatio
                    + "); " + partitions + " partitions x " + INSTANCES_PER_PARTITION + " RocksDB instances need "
                    + needed / MIB + " MiB of memtables: set it to at least " + neededTotalMib
                    + "MB, or raise the write-buffer ratio");
        }
    }
}
