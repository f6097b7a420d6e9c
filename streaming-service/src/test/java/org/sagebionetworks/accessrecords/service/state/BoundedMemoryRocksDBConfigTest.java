package org.sagebionetworks.accessrecords.service.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.streams.state.internals.BlockBasedTableConfigWithAccessibleCache;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.sagebionetworks.accessrecords.service.config.RocksDBMemoryConfig;

/** Every store of the process draws on one block cache and one write-buffer manager, which outlive any store. */
class BoundedMemoryRocksDBConfigTest {

    private static final RocksDBMemoryConfig MEMORY = new RocksDBMemoryConfig(16L << 20, 0.5);
    private static final Map<String, Object> CONFIGS = Map.of(BoundedMemoryRocksDBConfig.MEMORY_CONFIG, MEMORY);

    static {
        RocksDB.loadLibrary();
    }

    @Test
    void everyStoreIsGivenTheSharedCacheAndWriteBufferManager() {
        SharedRocksDBMemory shared = SharedRocksDBMemory.of(MEMORY);
        try (Options seen = storeOptions();
                Options newest = storeOptions()) {
            new BoundedMemoryRocksDBConfig().setConfig("seen", seen, CONFIGS);
            new BoundedMemoryRocksDBConfig().setConfig("newest", newest, CONFIGS);

            for (Options options : new Options[] {seen, newest}) {
                BlockBasedTableConfigWithAccessibleCache table = tableOf(options);
                assertThat(table.blockCache()).isSameAs(shared.cache());
                assertThat(options.writeBufferManager()).isSameAs(shared.writeBufferManager());
                assertThat(table.cacheIndexAndFilterBlocks()).isTrue();
                assertThat(table.cacheIndexAndFilterBlocksWithHighPriority()).isTrue();
                assertThat(table.pinL0FilterAndIndexBlocksInCache()).isTrue();
            }
        }
    }

    @Test
    void closingOneStoreLeavesTheSharedCacheUsableForTheNext(@TempDir Path dir) throws RocksDBException {
        BoundedMemoryRocksDBConfig first = new BoundedMemoryRocksDBConfig();
        try (Options options = storeOptions()) {
            first.setConfig("first", options, CONFIGS);
            writeAndRead(options, dir.resolve("first"));
            first.close("first", options);
        }

        BoundedMemoryRocksDBConfig second = new BoundedMemoryRocksDBConfig();
        try (Options options = storeOptions()) {
            second.setConfig("second", options, CONFIGS);
            assertThat(tableOf(options).blockCache().isOwningHandle()).isTrue();
            assertThat(writeAndRead(options, dir.resolve("second"))).isEqualTo("value");
            assertThat(SharedRocksDBMemory.of(MEMORY).cache().getUsage()).isPositive();
            second.close("second", options);
        }
    }

    /** What Kafka Streams hands the setter: its own table configuration, whose cache it can read back. */
    private static Options storeOptions() {
        Options options = new Options().setCreateIfMissing(true);
        options.setTableFormatConfig(new BlockBasedTableConfigWithAccessibleCache());
        return options;
    }

    private static BlockBasedTableConfigWithAccessibleCache tableOf(Options options) {
        return (BlockBasedTableConfigWithAccessibleCache) options.tableFormatConfig();
    }

    private static String writeAndRead(Options options, Path path) throws RocksDBException {
        try (RocksDB db = RocksDB.open(options, path.toString())) {
            db.put(bytes("key"), bytes("value"));
            db.flush(new org.rocksdb.FlushOptions().setWaitForFlush(true));
            return new String(db.get(bytes("key")), StandardCharsets.UTF_8);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
