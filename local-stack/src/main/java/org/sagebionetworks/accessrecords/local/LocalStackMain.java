package org.sagebionetworks.accessrecords.local;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.sagebionetworks.accessrecords.connect.Layout;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar local-stack/target/local-stack.jar}: the whole pipeline in this process, fed with synthetic
 * Synapse traffic or Firehose files, answered with the dashboard queries. With {@code --once} it drains its input,
 * prints the answers and exits; without, it keeps generating traffic until Ctrl-C.
 */
@Command(
        name = "local-stack",
        mixinStandardHelpOptions = true,
        subcommands = {QueryCommand.class, CompareCommand.class},
        sortOptions = false,
        description = {
            "Runs broker, S3 (s3proxy over a folder), Kafka Connect with the stand-in S3 sink and "
                    + "enricher-service in one process, feeds them, and prints the dashboard queries' answers.",
            "A local sandbox, not a deployment: see terraform/ for that."
        })
public final class LocalStackMain implements Callable<Integer> {

    private static final Duration DRAIN_PATIENCE = Duration.ofMinutes(3);
    private static final Duration STATUS_EVERY = Duration.ofSeconds(10);

    @Option(names = "--once", description = "Drain the input, print the query results and exit.")
    boolean once;

    @Option(
            names = "--input",
            arity = "1..*",
            paramLabel = "FILE",
            description = "Firehose NDJSON files (plain or gzip) to feed instead of synthetic traffic.")
    List<Path> input;

    @Option(
            names = "--records",
            paramLabel = "N",
            description = "Synthetic lines to feed (default: 2000 with --once, no end without).")
    Long records;

    @Option(
            names = "--rate",
            paramLabel = "R",
            description = "Lines per second at most (default: as fast as possible with --once, 50 without).")
    Double rate;

    @Option(
            names = "--days",
            defaultValue = "3",
            description = "Days before now the synthetic records span (default: ${DEFAULT-VALUE}).")
    int days;

    @Option(
            names = "--data-dir",
            defaultValue = "local-data",
            description = "Folder for the table and state (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(
            names = "--queries",
            defaultValue = "queries",
            description = "Folder of the *.sql to answer (default: ${DEFAULT-VALUE}).")
    Path queries;

    @Option(
            names = "--layout",
            defaultValue = Layout.DEFAULT_NAME,
            description = "Folder layout: record-date or year-month-day (default: ${DEFAULT-VALUE}).")
    String layout;

    @Option(
            names = "--kafka-port",
            defaultValue = "9092",
            description = "The broker's client port (default: ${DEFAULT-VALUE}).")
    int kafkaPort;

    @Option(
            names = "--http-port",
            defaultValue = "8080",
            description = "enricher-service's HTTP port (default: ${DEFAULT-VALUE}).")
    int httpPort;

    @Option(
            names = "--s3-port",
            defaultValue = "9000",
            description = "The S3 endpoint's port (default: ${DEFAULT-VALUE}).")
    int s3Port;

    private final PrintStream out;

    LocalStackMain(PrintStream out) {
        this.out = out;
    }

    PrintStream out() {
        return out;
    }

    public static void main(String[] args) {
        // enricher-service's own logback.xml is on the class path too; naming ours keeps logback from choosing.
        System.setProperty("logback.configurationFile", "local-stack-logback.xml");
        System.exit(new CommandLine(new LocalStackMain(System.out)).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        SinkSpec sink = SinkSpec.local(Layout.named(layout));
        StackSettings settings = new StackSettings(dataDir, kafkaPort, httpPort, s3Port);
        if (!Files.isDirectory(queries)) {
            throw new CommandLine.ParameterException(
                    new CommandLine(this),
                    "no queries folder at " + queries.toAbsolutePath()
                            + ": run from the repository root or pass --queries");
        }
        out.println("Starting Kafka, Kafka Connect, S3 and enricher-service in this process...");
        try (LocalStack stack = LocalStack.start(settings);
                RawInput raw = input(stack)) {
            stack.addSink(sink);
            Report report = new Report(out, stack, raw, settings.tableDir(sink), queries);
            report.where(sink);
            return once ? runOnce(stack, sink, raw, report) : runUntilStopped(stack, sink, raw, report);
        } catch (LinesLostException e) {
            out.println("Stopped: " + e.getMessage());
            return 1;
        }
    }

    private int runOnce(LocalStack stack, SinkSpec sink, RawInput raw, Report report) throws Exception {
        long started = System.nanoTime();
        raw.feed(() -> false);
        out.printf(
                "Fed %d lines in %.1f s; waiting for them to reach the table...%n",
                raw.fed(), (System.nanoTime() - started) / 1e9);
        return drainAndAnswer(stack, sink, raw, report) ? 0 : 1;
    }

    private int runUntilStopped(LocalStack stack, SinkSpec sink, RawInput raw, Report report) throws Exception {
        CountDownLatch stopRequested = StopSignal.install();
        AtomicReference<LinesLostException> lost = new AtomicReference<>();
        Thread feeder = new Thread(() -> feedUntil(raw, stopRequested, lost), "local-stack-feed");
        feeder.start();
        out.println("Generating traffic; Ctrl-C stops, flushes the table and prints the query results.");
        while (!stopRequested.await(STATUS_EVERY.toMillis(), TimeUnit.MILLISECONDS)) {
            report.status();
        }
        feeder.join();
        if (lost.get() != null) {
            throw lost.get();
        }
        out.println("Stopping: waiting for what was fed to reach the table (Ctrl-C again quits at once)...");
        return drainAndAnswer(stack, sink, raw, report) ? 0 : 1;
    }

    private static void feedUntil(
            RawInput raw, CountDownLatch stopRequested, AtomicReference<LinesLostException> lost) {
        try {
            raw.feed(() -> stopRequested.getCount() == 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (LinesLostException e) {
            lost.set(e);
            stopRequested.countDown();
        }
    }

    private boolean drainAndAnswer(LocalStack stack, SinkSpec sink, RawInput raw, Report report) throws Exception {
        long delivered = raw.delivered();
        boolean drained =
                new TableWatch(stack, sink, new TableCounts(report.tableDir())).awaitDrained(delivered, DRAIN_PATIENCE);
        report.status();
        if (!drained) {
            out.println(
                    "Not everything reached the table within " + DRAIN_PATIENCE + "; the answers below are partial.");
        }
        report.answers();
        return drained;
    }

    /** Synthetic traffic comes as Synapse sends it; files come as the archive loader loads Firehose's archive. */
    private RawInput input(LocalStack stack) {
        if (input != null) {
            return new ArchiveInput(stack, input, rate == null ? (once ? 0 : 50) : rate);
        }
        long count = records == null ? (once ? 2000 : Long.MAX_VALUE) : records;
        double pace = rate == null ? (once ? 0 : 50) : rate;
        Iterator<String> lines = count == Long.MAX_VALUE
                ? SyntheticStream.live(rate == null ? 50 : rate, Instant.now())
                : SyntheticStream.bounded(count, days, Instant.now());
        return new PublisherInput(stack.bootstrapServers(), lines, pace);
    }
}
