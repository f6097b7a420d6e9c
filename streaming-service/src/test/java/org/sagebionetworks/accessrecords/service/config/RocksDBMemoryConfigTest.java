package org.sagebionetworks.accessrecords.service.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

import org.junit.jupiter.api.Test;

/** One number bounds RocksDB's memory; a number that cannot hold the stores stops startup saying what to set. */
class RocksDBMemoryConfigTest {

    private static final long MIB = 1L << 20;

    @Test
    void theMemtablesTakeTheirRatioOfTheTotal() {
        assertThat(new RocksDBMemoryConfig(256 * MIB, 0.5).writeBufferBytes()).isEqualTo(128 * MIB);
        assertThat(new RocksDBMemoryConfig(1024 * MIB, 0.25).writeBufferBytes()).isEqualTo(256 * MIB);
    }

    @Test
    void aWriteBufferRatioOutsideZeroToOneIsRefusedNamingThePropertyAndItsEnvironmentVariable() {
        for (double ratio : new double[] {0, 1, -0.5, 1.5}) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new RocksDBMemoryConfig(256 * MIB, ratio))
                    .withMessageStartingWith("access-records.state.rocksdb.write-buffer-ratio "
                            + "(env ACCESS_RECORDS_STATE_ROCKSDB_WRITE_BUFFER_RATIO) must be above 0 and below 1");
        }
    }

    @Test
    void aTotalTooSmallForEveryStoreOfEveryPartitionIsRefusedNamingTheSizeNeeded() {
        RocksDBMemoryConfig small = new RocksDBMemoryConfig(64 * MIB, 0.5);

        assertThatNoException().isThrownBy(() -> small.requireRoomFor(4));
        assertThatNoException().isThrownBy(() -> new RocksDBMemoryConfig(256 * MIB, 0.5).requireRoomFor(16));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> small.requireRoomFor(6))
                .withMessageStartingWith("access-records.state.rocksdb.total-memory "
                        + "(env ACCESS_RECORDS_STATE_ROCKSDB_TOTAL_MEMORY) is 64 MiB")
                .withMessageContaining("6 partitions x 4 RocksDB instances")
                .withMessageContaining("set it to at least 96MB");
    }
}
