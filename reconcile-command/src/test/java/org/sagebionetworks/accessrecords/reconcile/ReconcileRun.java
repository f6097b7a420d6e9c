package org.sagebionetworks.accessrecords.reconcile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** One run of reconcile in this JVM, as a user types it: its exit status and what it printed. */
record ReconcileRun(int exitCode, String out, String err) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static ReconcileRun of(ReconcileScene scene, String... args) {
        List<String> all = new ArrayList<>(scene.locations());
        all.addAll(List.of(args));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode = new CommandLine(new ReconcileCommand()
                        .withStreams(
                                new PrintStream(out, true, StandardCharsets.UTF_8),
                                new PrintStream(err, true, StandardCharsets.UTF_8)))
                .execute(all.toArray(String[]::new));
        return new ReconcileRun(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    List<String> lines() {
        return out.lines().toList();
    }

    /** The last line of stdout, the result line the CloudWatch metric filter reads, as JSON. */
    JsonNode resultLine() {
        List<String> lines = lines();
        if (lines.isEmpty()) {
            throw new AssertionError("nothing on stdout; stderr: " + err);
        }
        return json(lines.get(lines.size() - 1));
    }

    /** The report of {@code --format JSON}, its one line. */
    JsonNode report() {
        return json(out.strip());
    }

    private JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + text + "\nstderr: " + err, e);
        }
    }
}
