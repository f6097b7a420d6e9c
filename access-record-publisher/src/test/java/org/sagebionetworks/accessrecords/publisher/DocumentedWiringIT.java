package org.sagebionetworks.accessrecords.publisher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java in docs/publisher.md is what Synapse engineers copy, so it is compiled here as they would: with
 * {@code --release 11}, against the packaged (shaded) jar and the jars it brings, beside the Synapse types it names
 * (their signatures, in the test resources' synapse-stubs). A changed API fails this before it misleads anyone.
 */
class DocumentedWiringIT {

    @TempDir
    Path work;

    @Test
    void theWiringExampleIsTimerFiredPublishingTheBatchItGaveFirehose() throws IOException {
        String recorder = blocks().stream()
                .filter(block -> block.contains("class KinesisAccessRecorder"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("docs/publisher.md shows no KinesisAccessRecorder"));

        assertThat(recorder).contains("void timerFired()", "firehoseLogger.logBatch(", ".publishBatch(");
    }

    @Test
    void everyJavaBlockOfThePageCompilesForJava11AgainstThePublisherJar() throws Exception {
        List<String> blocks = blocks();
        assertThat(blocks).hasSizeGreaterThanOrEqualTo(2);
        List<String> sources = new ArrayList<>(synapseStubs());
        for (String block : blocks) {
            Path source = work.resolve("src").resolve(JavaBlocks.pathOf(block));
            Files.createDirectories(source.getParent());
            Files.writeString(source, block, StandardCharsets.UTF_8);
            sources.add(source.toString());
        }

        assertThat(compile(sources)).isEmpty();
    }

    /** javac's errors and warnings (-Xlint:all); empty when it compiled cleanly. */
    private String compile(List<String> sources) throws IOException {
        List<String> arguments = new ArrayList<>(List.of(
                "--release",
                "11",
                "-Xlint:all",
                "-classpath",
                classPath(),
                "-d",
                work.resolve("classes").toString()));
        arguments.addAll(sources);
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int exit = ToolProvider.getSystemJavaCompiler()
                .run(null, diagnostics, diagnostics, arguments.toArray(new String[0]));
        String text = diagnostics.toString(StandardCharsets.UTF_8);
        return exit == 0 ? text : "javac exited with " + exit + ":\n" + text;
    }

    private static String classPath() throws IOException {
        List<String> entries = new ArrayList<>();
        entries.add(SynapseClassPath.publisherJar().toString());
        SynapseClassPath.dependencies().forEach(jar -> entries.add(jar.toString()));
        return String.join(File.pathSeparator, entries);
    }

    private static List<String> blocks() throws IOException {
        Path page = Path.of(System.getProperty("publisher.doc"));
        return JavaBlocks.in(Files.readString(page, StandardCharsets.UTF_8));
    }

    private static List<String> synapseStubs() throws IOException, URISyntaxException {
        Path stubs =
                Path.of(DocumentedWiringIT.class.getResource("/synapse-stubs").toURI());
        try (Stream<Path> files = Files.walk(stubs)) {
            return files.filter(file -> file.toString().endsWith(".java"))
                    .map(Path::toString)
                    .collect(Collectors.toList());
        }
    }
}
