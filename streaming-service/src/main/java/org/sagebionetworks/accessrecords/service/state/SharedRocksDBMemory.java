package org.sagebionetworks.accessrecords.service.state;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.RocksDB;
import org.rocksdb.WriteBufferManager;
import org.sagebionetworks.accessrecords.service.config.RocksDBMemoryConfig;

/**
 * The block cache and write-buffer manager every RocksDB store of the process shares, one pair per configuration.
 * They live as long as the process: stores open and close with rebalances and restores, and a closed cache under
 * an open store would crash the JVM, so nothing closes them.
 */
public record SharedRocksDBMemory(Cache cache, WriteBufferManager writeBufferManager) {

    /** Index and filter blocks go to the cache's high-priority pool, this share of it, evicted last. */
    private static final double INDEX_AND_FILTER_SHARE = 0.1;

    /**
     * Sharded by RocksDB's default; a strict limit would make reads and iterators fail once pinned blocks fill the
     * cache, which would kill the stream thread, so the bound is RocksDB's soft one.
     */
    private static final int DEFAULT_SHARD_BITS = -1;

    private static final boolean STRICT_CAPACITY_LIMIT = false;

    private static final Map<RocksDBMemoryConfig, SharedRocksDBMemory> BY_CONFIG = new ConcurrentHashMap<>();

    static {
        RocksDB.loadLibrary();
    }

    /** The process's pair for this configuration, created on first use. */
    public static SharedRocksDBMemory of(RocksDBMemoryConfig config) {
        return BY_CONFIG.computeIfAbsent(config, SharedRocksDBMemory::create);
    }

    private static SharedRocksDBMemory create(RocksDBMemoryConfig config) {
        Cache cache =
                new LRUCache(config.totalMemory(), DEFAULT_SHARD_BITS, STRICT_CAPACITY_LIMIT, INDEX_AND_FILTER_SHARE);
        return new SharedRocksDBMemory(cache, new WriteBufferManager(config.writeBufferBytes(), cache));
    }
}
