package org.sagebionetworks.accessrecords.benchmarks;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import org.sagebionetworks.accessrecords.connect.Layout;
import org.sagebionetworks.accessrecords.local.LocalStack;
import org.sagebionetworks.accessrecords.local.SinkSpec;
import org.sagebionetworks.accessrecords.local.StackSettings;
import org.sagebionetworks.accessrecords.local.TableCounts;
import org.sagebionetworks.accessrecords.service.metrics.PipelineMetrics;
import org.sagebionetworks.accessrecords.testing.SyntheticTraffic;

/**
 * What the latency harnesses share, so that follow mode and publisher mode are timed the same way: the local stack
 * (broker, enricher-service, Connect with the stand-in sink, s3proxy, all in this JVM) with a sink that writes a file
 * per row (flush.size 1, so the table figure leaves out the wait for a file to rotate, which production adds), and
 * rounds that each land fresh records by the harness's way and time, from the landing, when the enricher has emitted
 * them ({@code access.records.out}) and when DuckDB counts them in the table's Parquet files.
 */
final class LandingToQueryable implements AutoCloseable {

    /** How one round's records enter the pipeline; returns {@link System#nanoTime()} of the moment they landed. */
    interface Landing {
        long land(int round, List<String> lines) throws Exception;
    }

    private static final Duration PATIENCE = Duration.ofMinutes(3);
    private static final String OUT = PipelineMetrics.PREFIX + "out";

    private final Path dataDir;
    private final LocalStack stack;
    private final Path tableDir;

    private LandingToQueryable(Path dataDir, LocalStack stack, Path tableDir) {
        this.dataDir = dataDir;
        this.stack = stack;
        this.tableDir = tableDir;
    }

    static LandingToQueryable start(String name) throws Exception {
        Path dataDir = Files.createTempDirectory(name);
        StackSettings settings = new StackSettings(dataDir, freePort(), freePort(), freePort());
        SinkSpec sink = SinkSpec.version(Layout.RECORD_DATE, StackSettings.VERSION.topicsDir(), 1);
        LocalStack stack = LocalStack.start(settings);
        try {
            stack.addSink(sink);
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
        return new LandingToQueryable(dataDir, stack, settings.tableDir(sink));
    }

    LocalStack stack() {
        return stack;
    }

    Path dataDir() {
        return dataDir;
    }

    /** Prints a CSV line per round, then the medians and ranges of the rounds after the first (JIT, connections). */
    void measure(int rounds, int records, Landing landing) throws Exception {
        System.out.println("round,records,to_enricher_output_ms,to_queryable_ms");
        List<Long> toOutput = new ArrayList<>();
        List<Long> toQueryable = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            long before = stack.enricherCount(OUT);
            long rowsBefore = rows();
            long landed = landing.land(round, fresh(round, records));
            long emitted = await(() -> stack.enricherCount(OUT) - before, records);
            long queryable = await(() -> rows() - rowsBefore, records);
            System.out.printf(
                    "%d,%d,%d,%d%n", round, records, (emitted - landed) / 1_000_000, (queryable - landed) / 1_000_000);
            if (round > 1) {
                toOutput.add((emitted - landed) / 1_000_000);
                toQueryable.add((queryable - landed) / 1_000_000);
            }
        }
        System.out.println("rounds 2.." + rounds + ": to the enricher's output " + spread(toOutput) + "; to queryable "
                + spread(toQueryable));
    }

    @Override
    public void close() throws Exception {
        stack.close();
    }

    /** Records of now: the service emits them as on time, not late. */
    private static List<String> fresh(long seed, int records) {
        SyntheticTraffic traffic = new SyntheticTraffic(seed, System.currentTimeMillis(), 5);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < records; i++) {
            lines.add(traffic.next());
        }
        return lines;
    }

    private static String spread(List<Long> millis) {
        if (millis.isEmpty()) {
            return "(no rounds)";
        }
        List<Long> sorted = millis.stream().sorted().toList();
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
        return String.format("median %.0f ms, min %d, max %d", median, sorted.get(0), sorted.get(n - 1));
    }

    private static long await(LongSupplier count, long target) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (count.getAsLong() < target) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not there within " + PATIENCE);
            }
            Thread.sleep(20);
        }
        return System.nanoTime();
    }

    private long rows() {
        return new TableCounts(tableDir).rows();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
