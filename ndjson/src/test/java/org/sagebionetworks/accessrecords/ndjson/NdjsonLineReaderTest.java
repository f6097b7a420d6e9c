package org.sagebionetworks.accessrecords.ndjson;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class NdjsonLineReaderTest {

    @Test
    void splitsOnNewlinesAndKeepsAFinalLineWithoutOne() throws IOException {
        assertThat(lines("a\nbb\nccc", 100)).containsExactly("a", "bb", "ccc");
    }

    @Test
    void aFinalNewlineDoesNotMakeAnEmptyLine() throws IOException {
        assertThat(lines("a\nb\n", 100)).containsExactly("a", "b");
    }

    @Test
    void blankLinesInTheMiddleAreLinesToo() throws IOException {
        assertThat(lines("a\n\nb\n", 100)).containsExactly("a", "", "b");
    }

    @Test
    void dropsTheCarriageReturnOfWindowsLineEnds() throws IOException {
        assertThat(lines("a\r\nb\r\n", 100)).containsExactly("a", "b");
    }

    @Test
    void aLineLongerThanOneReadChunkIsWhole() throws IOException {
        String longLine = "x".repeat(200_000);

        assertThat(lines("a\n" + longLine + "\nb", 300_000)).containsExactly("a", longLine, "b");
    }

    @Test
    void aLineOverTheLimitIsMeasuredButNotKept() throws IOException {
        NdjsonLineReader reader = reader(("y".repeat(5_000) + "\nok\n").getBytes(StandardCharsets.UTF_8), 100);

        assertThat(reader.next()).isTrue();
        assertThat(reader.truncated()).isTrue();
        assertThat(reader.fullLength()).isEqualTo(5_000);
        assertThat(reader.length()).isEqualTo(101);
        assertThat(reader.next()).isTrue();
        assertThat(new String(reader.bytes(), 0, reader.length(), StandardCharsets.UTF_8))
                .isEqualTo("ok");
        assertThat(reader.lineNumber()).isEqualTo(2);
        assertThat(reader.next()).isFalse();
    }

    @Test
    void gzipContentIsDetectedWhateverTheName() throws IOException {
        byte[] gzip = gzip("one\ntwo\n");
        List<String> lines = new ArrayList<>();
        try (NdjsonLineReader reader =
                new NdjsonLineReader(Decompression.detect(new ByteArrayInputStream(gzip)), 100)) {
            while (reader.next()) {
                lines.add(new String(reader.bytes(), 0, reader.length(), StandardCharsets.UTF_8));
            }
        }
        assertThat(lines).containsExactly("one", "two");
    }

    @Test
    void concatenatedGzipMembersReadAsOneStream() throws IOException {
        ByteArrayOutputStream both = new ByteArrayOutputStream();
        both.write(gzip("one\n"));
        both.write(gzip("two\n"));

        InputStream in = Decompression.detect(new ByteArrayInputStream(both.toByteArray()));

        assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("one\ntwo\n");
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    private static List<String> lines(String text, int maxLineBytes) throws IOException {
        List<String> lines = new ArrayList<>();
        try (NdjsonLineReader reader = reader(text.getBytes(StandardCharsets.UTF_8), maxLineBytes)) {
            while (reader.next()) {
                lines.add(new String(reader.bytes(), 0, reader.length(), StandardCharsets.UTF_8));
            }
        }
        return lines;
    }

    private static NdjsonLineReader reader(byte[] bytes, int maxLineBytes) {
        return new NdjsonLineReader(new ByteArrayInputStream(bytes), maxLineBytes);
    }
}
