package org.sagebionetworks.accessrecords.connect;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** plugin-zip.sh on a stand-in for Confluent Hub's zip: our jars join its lib/, and nothing of it changes. */
class PluginZipTest {

    private static final Path SCRIPT = Path.of("plugin-zip.sh");
    private static final String LIB = "confluentinc-kafka-connect-s3-10.6.3/lib/";

    @TempDir
    Path work;

    @Test
    void ourJarsJoinConfluentsLibFolderAndEveryConfluentEntryStaysAsItWas() throws Exception {
        Map<String, String> confluent = new LinkedHashMap<>();
        confluent.put("confluentinc-kafka-connect-s3-10.6.3/manifest.json", "{\"name\":\"kafka-connect-s3\"}");
        confluent.put(LIB + "kafka-connect-s3-10.6.3.jar", "confluent's classes");
        confluent.put(LIB + "kafka-connect-storage-common-11.2.4.jar", "more of them");
        Path confluentZip = zip("confluentinc-kafka-connect-s3-10.6.3.zip", confluent);
        Path envelope = file("dead-letter-envelope-0.1.0.jar", "our transform");
        Path converter = file("processed-record-converter-0.1.0.jar", "our converter");
        Path output = work.resolve("out/confluentinc-kafka-connect-s3-10.6.3-with-synapse-access-records.zip");
        Files.createDirectories(output.getParent());

        Result result = run(confluentZip.toString(), output.toString(), envelope.toString(), converter.toString());

        assertThat(result.exit()).as(result.output()).isZero();
        Map<String, String> expected = new LinkedHashMap<>(confluent);
        expected.put(LIB + "dead-letter-envelope-0.1.0.jar", "our transform");
        expected.put(LIB + "processed-record-converter-0.1.0.jar", "our converter");
        assertThat(files(output)).isEqualTo(expected);
    }

    @Test
    void aZipWithoutAPluginLibFolderIsRefused() throws Exception {
        Path notConfluent = zip("other.zip", Map.of("README.txt", "hello"));

        Result result = run(
                notConfluent.toString(),
                work.resolve("out.zip").toString(),
                file("x.jar", "x").toString());

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.output()).contains("no <plugin>/lib/*.jar");
        assertThat(work.resolve("out.zip")).doesNotExist();
    }

    private static final class Result {
        private final int exit;
        private final String output;

        Result(int exit, String output) {
            this.exit = exit;
            this.output = output;
        }

        int exit() {
            return exit;
        }

        String output() {
            return output;
        }
    }

    private static Result run(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // The script needs a JDK's jar tool: the one of the JDK running this test.
        builder.environment()
                .put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":" + System.getenv("PATH"));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS))
                .as("plugin-zip.sh finished")
                .isTrue();
        return new Result(process.exitValue(), output);
    }

    private Path zip(String name, Map<String, String> entries) throws IOException {
        Path zip = work.resolve(name);
        try (OutputStream file = Files.newOutputStream(zip);
                ZipOutputStream out = new ZipOutputStream(file)) {
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                out.write(entry.getValue().getBytes(UTF_8));
                out.closeEntry();
            }
        }
        return zip;
    }

    private Path file(String name, String content) throws IOException {
        return Files.writeString(work.resolve(name), content);
    }

    /** The zip's files (directory entries left out) and their contents. */
    private static Map<String, String> files(Path zip) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        try (InputStream file = Files.newInputStream(zip);
                ZipInputStream in = new ZipInputStream(file)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (!entry.isDirectory()) {
                    files.put(entry.getName(), new String(in.readAllBytes(), UTF_8));
                }
            }
        }
        return files;
    }
}
