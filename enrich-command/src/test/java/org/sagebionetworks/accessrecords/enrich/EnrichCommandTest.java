package org.sagebionetworks.accessrecords.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sagebionetworks.accessrecords.core.AccessRecordEnricher;
import org.sagebionetworks.accessrecords.core.Outcome.Accepted;
import org.sagebionetworks.accessrecords.core.output.ProcessedRecordJson;
import org.sagebionetworks.accessrecords.schema.ProcessedAccessRecord;
import org.sagebionetworks.accessrecords.testing.RawRecords;
import org.sagebionetworks.accessrecords.testing.SampleFile;
import picocli.CommandLine;

class EnrichCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void aGzipFileAndTheSameTextOnStdinGiveIdenticalRows() throws IOException {
        String text = String.join("\n", SampleFile.lines()) + "\n";
        Path gzip = dir.resolve("firehose-object");
        Files.write(gzip, gzip(text));

        Run fromFile = run(new byte[0], gzip.toString());
        Run fromStdin = run(text.getBytes(StandardCharsets.UTF_8));

        assertThat(fromFile.exitCode).isZero();
        assertThat(fromStdin.exitCode).isZero();
        assertThat(fromFile.stdout).isNotEmpty().isEqualTo(fromStdin.stdout);
    }

    @Test
    void writesOneRowPerValidLineExactlyAsTheCoreMakesIt() throws IOException {
        List<String> lines = SampleFile.lines();

        Run run = run(String.join("\n", lines).getBytes(StandardCharsets.UTF_8));

        AccessRecordEnricher core = new AccessRecordEnricher();
        List<String> expected = new ArrayList<>();
        for (String line : lines) {
            if (core.enrich(line.getBytes(StandardCharsets.UTF_8)) instanceof Accepted<ProcessedAccessRecord> row) {
                expected.add(ProcessedRecordJson.toJson(row.value()));
            }
        }
        assertThat(run.rows())
                .hasSize(lines.size() - SampleFile.BAD_LINES.size())
                .containsExactlyElementsOf(expected);
    }

    @Test
    void reportsEachRejectedLineWithItsNumberReasonAndText() throws IOException {
        String input = RawRecords.example().json() + "\n"
                + "{not json\n"
                + RawRecords.example().without("method").json() + "\n";

        Run run = run(input.getBytes(StandardCharsets.UTF_8));

        List<JsonNode> rejected =
                run.stderrLines().stream().filter(line -> line.has("reason")).toList();
        assertThat(rejected).hasSize(2);
        assertThat(rejected.get(0).get("line").asLong()).isEqualTo(2);
        assertThat(rejected.get(0).get("reason").asText()).isEqualTo("MALFORMED_JSON");
        assertThat(rejected.get(0).get("text").asText()).isEqualTo("{not json");
        assertThat(rejected.get(1).get("line").asLong()).isEqualTo(3);
        assertThat(rejected.get(1).get("field").asText()).isEqualTo("payload.method");
        assertThat(rejected.get(1).get("source").asText()).isEqualTo("-");
    }

    @Test
    void endsWithASummaryThatAccountsForEveryLine() throws IOException {
        String input = RawRecords.example().json() + "\n\n" + "[1]\n"
                + RawRecords.example().sessionId("s-2").json();

        Run run = run(input.getBytes(StandardCharsets.UTF_8));

        JsonNode summary = run.stderrLines().get(run.stderrLines().size() - 1).get("summary");
        assertThat(summary.get("read").asLong()).isEqualTo(4);
        assertThat(summary.get("written").asLong()).isEqualTo(2);
        assertThat(summary.get("rejected").asLong()).isEqualTo(2);
        assertThat(summary.get("records_per_second").asLong()).isPositive();
    }

    @Test
    void aLineTooLargeToBeARecordIsRejectedWithItsRealSizeAndACutText() throws IOException {
        String huge = RawRecords.example().with("userAgent", "z".repeat(20_000)).json();

        Run run = run(huge.getBytes(StandardCharsets.UTF_8), "--max-record-bytes", "10000");

        JsonNode rejected = run.stderrLines().get(0);
        assertThat(rejected.get("reason").asText()).isEqualTo("TOO_LARGE");
        assertThat(rejected.get("message").asText()).contains(huge.length() + " bytes, over the limit of 10000");
        assertThat(rejected.get("text_truncated").asBoolean()).isTrue();
        assertThat(rejected.get("text").asText()).hasSize(RejectionLog.MAX_TEXT_CHARS);
    }

    /** The service's default max-record-bytes, so the offline twin refuses exactly what the service refuses. */
    @Test
    void byDefaultALineIsRefusedAboveOneMillionBytesAsTheServiceRefusesIt() throws IOException {
        String largest = lineOfBytes(1_000_000);
        String tooLarge = lineOfBytes(1_000_001);

        Run run = run((largest + "\n" + tooLarge + "\n").getBytes(StandardCharsets.UTF_8));

        assertThat(run.rows()).hasSize(1);
        JsonNode rejected = run.stderrLines().get(0);
        assertThat(rejected.get("line").asLong()).isEqualTo(2);
        assertThat(rejected.get("reason").asText()).isEqualTo("TOO_LARGE");
        assertThat(rejected.get("message").asText()).contains("1000001 bytes, over the limit of 1000000");
    }

    @Test
    void anUnreadableFileFailsTheRunButTheOtherFilesAreStillEnriched() throws IOException {
        Path good = Files.writeString(
                dir.resolve("good.ndjson"), RawRecords.example().json());
        Path corrupt = dir.resolve("corrupt.gz");
        byte[] gzip = gzip(RawRecords.example().json() + "\n");
        Files.write(corrupt, Arrays.copyOf(gzip, gzip.length / 2));

        Run run = run(new byte[0], dir.resolve("missing.ndjson").toString(), corrupt.toString(), good.toString());

        assertThat(run.exitCode).isEqualTo(EnrichCommand.EXIT_UNREADABLE_INPUT);
        assertThat(run.rows()).hasSize(1);
        assertThat(run.stderrLines())
                .filteredOn(line -> line.has("error"))
                .extracting(line -> line.get("source").asText())
                .containsExactly(dir.resolve("missing.ndjson").toString(), corrupt.toString());
    }

    @Test
    void aRowKeepsControlCharactersButNeverPrintsThemRaw() throws IOException {
        String url = "/repo/v1/2fa/\u001b[31mred\u009b2J\u007f";

        Run run = run(RawRecords.example().with("requestURL", url).bytes());

        assertThat(run.stdout).doesNotContainPattern("[\\x00-\\x09\\x0b-\\x1f\\x7f-\\x9f]");
        JsonNode row = JSON.readTree(run.rows().get(0));
        assertThat(row.get("request_url").asText()).isEqualTo(url);
        assertThat(row.get("normalized_method_signature").asText()).isEqualTo("GET /2fa/\u001b[31mred\u009b2j\u007f");
    }

    @Test
    void aRejectedLineIsShownWithoutRawControlCharacters() throws IOException {
        String line = RawRecords.example()
                .without("method")
                .with("userAgent", "\u009b2J\u007f")
                .json();

        Run run = run(line.getBytes(StandardCharsets.UTF_8));

        assertThat(run.stderr).doesNotContainPattern("[\\x00-\\x09\\x0b-\\x1f\\x7f-\\x9f]");
        assertThat(run.stderrLines().get(0).get("text").asText()).isEqualTo(line);
    }

    @Test
    void aUtf16FileGivesNoRowsAndEveryLineIsRejectedAsMalformed() throws IOException {
        String text = RawRecords.example().json() + "\n"
                + RawRecords.example().sessionId("s-2").json() + "\n";

        Run run = run(text.getBytes(StandardCharsets.UTF_16LE));

        assertThat(run.rows()).isEmpty();
        assertThat(run.stderrLines())
                .filteredOn(line -> line.has("reason"))
                .extracting(line -> line.get("reason").asText())
                .containsOnly("MALFORMED_JSON")
                .isNotEmpty();
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    /** A valid raw record of exactly {@code bytes} UTF-8 bytes, padded in its user agent. */
    private static String lineOfBytes(int bytes) {
        int unpadded = RawRecords.example().with("userAgent", "").json().getBytes(StandardCharsets.UTF_8).length;
        String line = RawRecords.example()
                .with("userAgent", "z".repeat(bytes - unpadded))
                .json();
        assertThat(line.getBytes(StandardCharsets.UTF_8)).hasSize(bytes);
        return line;
    }

    private static Run run(byte[] stdin, String... args) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        EnrichCommand command = new EnrichCommand().withStreams(new ByteArrayInputStream(stdin), out, err);
        int exitCode = new CommandLine(command).execute(args);
        return new Run(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Run(int exitCode, String stdout, String stderr) {

        List<String> rows() {
            return stdout.lines().toList();
        }

        List<JsonNode> stderrLines() throws IOException {
            List<JsonNode> lines = new ArrayList<>();
            for (String line : stderr.lines().toList()) {
                lines.add(JSON.readTree(line));
            }
            return lines;
        }
    }
}
