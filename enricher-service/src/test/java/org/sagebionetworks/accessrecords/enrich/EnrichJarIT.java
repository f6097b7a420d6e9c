package org.sagebionetworks.accessrecords.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.sagebionetworks.accessrecords.testing.RawRecords;
import org.sagebionetworks.accessrecords.testing.SampleFile;

/** The enrich command of docs/development.md, run as a newcomer runs it: the packaged jar on the committed sample. */
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
        assertThat(rows)
                .hasSize(SampleFile.lines().size() - SampleFile.BAD_LINES.size())
                .allMatch(row -> row.startsWith("{\"session_id\":"));
        assertThat(Files.readString(err)).contains("\"rejected\":" + SampleFile.BAD_LINES.size());
    }

    /**
     * {@code (cat a.gz; sleep; cat b.gz) | enrich}: the second gzip member reaches the pipe only after the jar has
     * read the whole first one (its last line, a broken one, is reported), so nothing is waiting at the boundary.
     */
    @Test
    void readsEveryGzipMemberOfAPipeThatPausesBetweenThem(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("rows.ndjson");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-jar", JAR.toString(), "enrich")
                .redirectOutput(out.toFile())
                .start();
        BlockingQueue<String> stderr = linesOf(process);
        OutputStream stdin = process.getOutputStream();
        stdin.write(gzip(validLines(1, 50) + "{broken\n"));
        stdin.flush();
        awaitLine(stderr, "\"line\":51");
        Thread.sleep(1000); // the pause between the two cats: the stall under test, not a synchronisation
        writeAndClose(stdin, gzip(validLines(52, 101)));

        assertThat(process.waitFor(90, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        assertThat(Files.readAllLines(out, StandardCharsets.UTF_8).size())
                .as("rows")
                .isEqualTo(100);
        assertThat(awaitLine(stderr, "summary")).contains("\"written\":100", "\"rejected\":1");
    }

    /** Like {@code cat} into a pipe whose reader has gone: a jar that stopped early shows in the assertions. */
    private static void writeAndClose(OutputStream stdin, byte[] bytes) {
        try (stdin) {
            stdin.write(bytes);
        } catch (IOException readerGone) {
            return;
        }
    }

    private static String validLines(int first, int last) {
        return IntStream.rangeClosed(first, last)
                .mapToObj(i -> RawRecords.example().sessionId("s-" + i).json() + "\n")
                .collect(Collectors.joining());
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    private static BlockingQueue<String> linesOf(Process process) {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(
                () -> {
                    try (BufferedReader err = new BufferedReader(
                            new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                        err.lines().forEach(lines::add);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                },
                "enrich-stderr");
        reader.setDaemon(true);
        reader.start();
        return lines;
    }

    private static String awaitLine(BlockingQueue<String> lines, String containing) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(1, TimeUnit.SECONDS);
            if (line != null && line.contains(containing)) {
                return line;
            }
        }
        throw new AssertionError("no stderr line with " + containing + " within 60 s");
    }
}
