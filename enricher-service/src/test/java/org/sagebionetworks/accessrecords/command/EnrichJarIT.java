package org.sagebionetworks.accessrecords.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.sagebionetworks.accessrecords.testing.SampleFile;

/** The README's first command, run as a newcomer runs it: the packaged jar on the committed sample. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class EnrichJarIT {

    private static final Path JAR = Path.of("target/enricher-service.jar");
    private static final Path SAMPLE = Path.of("../samples/raw-access-records.ndjson");

    @Test
    void theCommittedSampleIsTheOneTheGeneratorWrites() throws IOException {
        assertThat(Files.readAllLines(SAMPLE, StandardCharsets.UTF_8)).isEqualTo(SampleFile.lines());
    }

    @Test
    void enrichesTheSampleWithTheJar(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("rows.ndjson");
        Path err = dir.resolve("stderr.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-jar", JAR.toString(), "enrich", SAMPLE.toString())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();

        assertThat(process.waitFor(90, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        List<String> rows = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertThat(rows).hasSize(SampleFile.lines().size() - SampleFile.BAD_LINES.size())
                .allMatch(row -> row.startsWith("{\"session_id\":"));
        assertThat(Files.readString(err)).contains("\"rejected\":" + SampleFile.BAD_LINES.size());
    }
}
