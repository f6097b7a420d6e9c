package org.sagebionetworks.accessrecords.replay;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sagebionetworks.accessrecords.testsupport.KafkaCluster;
import picocli.CommandLine;

/** One run of the replay command in this JVM, as a user would type it, against the test broker. */
record ReplayRun(int exitCode, String out, String err) {

    /** The version the tests' runs name as serving; the tests' own versions are v1000 and up. */
    static final String SERVING = "v1";

    /** Against the test broker and lake, with the test's raw topic and state directory, v1 serving. */
    static ReplayRun of(TestS3 lake, String rawTopic, Path stateRoot, String... args) {
        return serving(SERVING, lake, rawTopic, stateRoot, args);
    }

    /** The same with another version serving. */
    static ReplayRun serving(String servingVersion, TestS3 lake, String rawTopic, Path stateRoot, String... args) {
        List<String> all = new ArrayList<>(List.of(
                "--bootstrap-servers",
                KafkaCluster.bootstrapServers(),
                "--raw-topic",
                rawTopic,
                "--state-dir",
                stateRoot.toString(),
                "--kafka-timeout",
                "PT30S",
                "--serving-version",
                servingVersion));
        all.addAll(lake.lakeArguments());
        all.addAll(List.of(args));
        return withArguments(all.toArray(String[]::new));
    }

    static ReplayRun withArguments(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CommandLine command = new CommandLine(new ReplayCommand()
                .withStreams(
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8)));
        command.setErr(new java.io.PrintWriter(err, true, StandardCharsets.UTF_8));
        int exitCode = command.execute(args);
        return new ReplayRun(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
