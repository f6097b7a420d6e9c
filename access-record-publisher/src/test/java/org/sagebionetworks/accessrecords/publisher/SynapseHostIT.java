package org.sagebionetworks.accessrecords.publisher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sagebionetworks.accessrecords.testsupport.KafkaCluster;

/**
 * The packaged jar, used as Synapse would use it: a host class compiled with {@code --release 11} runs in a JVM of
 * its own on a class path of the publisher's jar, the jars it brings, and Synapse's Jackson 2.13 and AWS SDK v1
 * (the pom copies them to target/synapse-host) instead of this build's Jackson. Nothing of the build's class path
 * helps, so a class the jar lacks, a relocation that broke a lookup by name, or a clash with the host's Jackson
 * shows here. It runs on the build's Java 17: no Java 11 runtime can be had here (ShippedJarIT checks the class
 * file versions instead).
 */
@ExtendWith(KafkaCluster.class)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class SynapseHostIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path work;

    @Test
    void aHostWithJackson213AndTheAwsSdkV1PublishesABatchThroughTheJar() throws Exception {
        String topic = KafkaCluster.uniqueName("synapse-host");
        KafkaCluster.createTopic(topic, 3, Map.of());
        List<String> lines = PublishedRecords.lines(200);
        Path batch = Files.write(work.resolve("batch.ndjson"), lines, StandardCharsets.UTF_8);
        String classPath = hostClassPath();
        compileProbe(classPath);

        String output = run(classPath, KafkaCluster.bootstrapServers(), topic, batch.toString());

        assertThat(output)
                .contains("host jackson 2.13.5", "host aws sdk v1 id", "msk iam ")
                .contains("batch 200 records: 200 accepted", "sent 200 failed 0");
        assertThat(read(topic, lines.size()))
                .hasSize(lines.size())
                .allSatisfy(PublishedRecords::assertKeyedAndStampedFromPayload);
    }

    /** The publisher's jar and what it brings, with the host's Jackson and AWS SDK v1 for the build's Jackson. */
    private static String hostClassPath() throws IOException {
        List<String> entries = new ArrayList<>();
        entries.add(SynapseClassPath.publisherJar().toString());
        SynapseClassPath.dependencies().stream()
                .filter(jar -> !jar.getFileName().toString().startsWith("jackson-"))
                .forEach(jar -> entries.add(jar.toString()));
        try (Stream<Path> host = Files.list(Path.of(System.getProperty("synapse.host")))) {
            host.forEach(jar -> entries.add(jar.toString()));
        }
        return String.join(File.pathSeparator, entries);
    }

    private void compileProbe(String classPath) throws Exception {
        Path source = Path.of(SynapseHostIT.class
                .getResource("/synapse-host/SynapseHostProbe.java")
                .toURI());
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int exit = ToolProvider.getSystemJavaCompiler()
                .run(
                        null,
                        diagnostics,
                        diagnostics,
                        "--release",
                        "11",
                        "-classpath",
                        classPath,
                        "-d",
                        work.resolve("probe").toString(),
                        source.toString());
        assertThat(exit).as(diagnostics.toString(StandardCharsets.UTF_8)).isZero();
    }

    /** Runs the probe in a JVM of its own; returns what it printed, failing on a non-zero exit. */
    private String run(String classPath, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                work.resolve("probe") + File.pathSeparator + classPath,
                "SynapseHostProbe"));
        command.addAll(List.of(arguments));
        Process probe = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output;
        try (InputStream in = probe.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(probe.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).as(output).isTrue();
        assertThat(probe.exitValue()).as(output).isZero();
        return output;
    }

    private static List<ConsumerRecord<byte[], byte[]>> read(String topic, int count) {
        try (KafkaConsumer<byte[], byte[]> consumer = KafkaCluster.readCommittedConsumer(topic)) {
            return KafkaCluster.readUntil(consumer, read -> read.size() >= count, WAIT, Duration.ofSeconds(1));
        }
    }
}
