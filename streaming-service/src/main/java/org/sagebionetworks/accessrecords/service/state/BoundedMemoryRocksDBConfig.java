package org.sagebionetworks.accessrecords.service.state;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Options;
import org.sagebionetworks.accessrecords.service.config.RocksDBMemoryConfig;

/**
 * Kafka Streams' hook into each store's RocksDB options: every store draws on {@link SharedRocksDBMemory}, so one
 * number bounds memtables, data blocks and index and filter blocks together. Kafka creates one per store and hands
 * it the Streams configuration, which carries the bound under {@link #MEMORY_CONFIG}.
 */
public final class BoundedMemoryRocksDBConfig implements RocksDBConfigSetter {

    public static final String MEMORY_CONFIG = "access-records.state.rocksdb.memory";

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        SharedRocksDBMemory shared = SharedRocksDBMemory.of((RocksDBMemoryConfig) configs.get(MEMORY_CONFIG));
        // Kafka Streams' own table configuration, so its bloom filter and block size stay as they are.
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(shared.cache());
        // Index and filter blocks in the cache count against the bound instead of growing beside it.
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinL0FilterAndIndexBlocksInCache(true);
        options.setTableFormatConfig(table);
        options.setWriteBufferManager(shared.writeBufferManager());
    }

    /** Nothing of the store's own to close: the shared cache and write-buffer manager serve the stores still open. */
    @Override
    public void close(String storeName, Options options) {}
}
