package org.sagebionetworks.accessrecords.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GcLogHeapTest {

    @TempDir
    Path dir;

    @Test
    void readsTheMostHeapUsedBeforeAndLeftAfterAnyCollectionOfAJdk17Log() throws Exception {
        GcLogHeap heap = heapOf(
                "[0.004s][info][gc] Using G1",
                "[0.512s][info][gc] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 24M->4M(256M) 3.215ms",
                "[2.101s][info][gc] GC(1) Pause Young (Normal) (G1 Evacuation Pause) 198M->41M(256M) 9.870ms",
                "[3.700s][info][gc] GC(2) Pause Young (Concurrent Start) (G1 Humongous Allocation) 120M->60M(256M)"
                        + " 4.002ms",
                "[3.705s][info][gc] GC(3) Concurrent Mark Cycle");

        assertThat(heap.peakBeforeGcMiB()).isEqualTo(198);
        assertThat(heap.maxAfterGcMiB()).isEqualTo(60);
    }

    @Test
    void convertsKibibytes() throws Exception {
        GcLogHeap heap = heapOf("[0.1s][info][gc] GC(0) Pause Young (Allocation Failure) 3072K->1024K(8192K) 1.0ms");

        assertThat(heap.peakBeforeGcMiB()).isEqualTo(3);
        assertThat(heap.maxAfterGcMiB()).isEqualTo(1);
    }

    @Test
    void convertsGibibytes() throws Exception {
        GcLogHeap heap = heapOf("[9.9s][info][gc] GC(1) Pause Full (System.gc()) 2G->1G(4G) 80.0ms");

        assertThat(heap.peakBeforeGcMiB()).isEqualTo(2048);
        assertThat(heap.maxAfterGcMiB()).isEqualTo(1024);
    }

    @Test
    void isZeroForAJvmThatNeverCollected() throws Exception {
        assertThat(heapOf("[0.004s][info][gc] Using G1").peakBeforeGcMiB()).isZero();
    }

    private GcLogHeap heapOf(String... lines) throws Exception {
        Path log = Files.write(dir.resolve("gc.log"), List.of(lines));
        return new GcLogHeap(log);
    }
}
