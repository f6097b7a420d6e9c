package org.sagebionetworks.accessrecords.archive;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.sagebionetworks.accessrecords.archive.LoaderRun.Topics;
import org.sagebionetworks.accessrecords.testsupport.KafkaCluster;
import picocli.CommandLine;

/** {@code load-archive --follow} running in this JVM, as a user starts it, until the test stops it as SIGTERM would. */
final class FollowingLoader {

    private static final Duration STOP_WITHIN = Duration.ofSeconds(30);

    private final FollowStop stop = new FollowStop();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final CompletableFuture<Integer> exitCode;

    private FollowingLoader(List<String> args) {
        LoadArchiveCommand command = new LoadArchiveCommand()
                .withStreams(
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8))
                .withStop(stop);
        exitCode = CompletableFuture.supplyAsync(() -> new CommandLine(command).execute(args.toArray(String[]::new)));
    }

    static FollowingLoader start(ArchiveBucket bucket, Topics topics, String... args) {
        List<String> all = new ArrayList<>(LoaderRun.commonArguments(bucket, topics, KafkaCluster.bootstrapServers()));
        all.add("--follow");
        all.addAll(List.of(args));
        return new FollowingLoader(all);
    }

    boolean running() {
        return !exitCode.isDone();
    }

    /** Whether it stopped on its own (it should not, unless it failed); its output so far, to explain a failure. */
    String state() {
        return (exitCode.isDone() ? "stopped with " + exitCode.getNow(null) : "running") + "; stderr: "
                + err.toString(StandardCharsets.UTF_8);
    }

    /** Requests the stop and waits for the run to end; the run as its summary tells it. */
    LoaderRun stop() throws Exception {
        stop.request();
        int code = exitCode.get(STOP_WITHIN.toSeconds(), TimeUnit.SECONDS);
        return LoaderRun.parse(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
