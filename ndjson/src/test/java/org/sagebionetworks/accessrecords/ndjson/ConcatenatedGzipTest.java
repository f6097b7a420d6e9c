package org.sagebionetworks.accessrecords.ndjson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sagebionetworks.accessrecords.ndjson.GzipMembers.ALL_FIELDS;
import static org.sagebionetworks.accessrecords.ndjson.GzipMembers.concat;
import static org.sagebionetworks.accessrecords.ndjson.GzipMembers.member;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Firehose objects and piped files hold several gzip members; every one is read whatever the timing of the
 * bytes, and a damaged or cut member is an error, never a silently shorter text. Read through
 * {@link Decompression#detect}, the one door that enrich, load-archive and the local stack use.
 */
class ConcatenatedGzipTest {

    private static final String FIRST = lines(1, 50);
    private static final String SECOND = lines(51, 100);

    @Test
    void aSecondMemberThatArrivesAfterAPauseIsRead() throws IOException {
        InputStream stalled = new StallingInputStream(List.of(member(FIRST), member(SECOND)), Integer.MAX_VALUE, 300);

        assertThat(lineCount(stalled)).isEqualTo(100);
    }

    @Test
    void membersDeliveredInTinyPiecesAreAllRead() throws IOException {
        byte[] three = concat(member(FIRST), member(SECOND, ALL_FIELDS), member("101\n"));

        assertThat(text(new StallingInputStream(List.of(three), 3, 0))).isEqualTo(FIRST + SECOND + "101\n");
    }

    @Test
    void aStreamSplitAtAnyByteIsReadWhole() throws IOException {
        byte[] both = concat(member(FIRST), member(SECOND, ALL_FIELDS));

        for (int at = 1; at < both.length; at++) {
            assertThat(text(StallingInputStream.splitAt(both, at)))
                    .as("split at byte %d", at)
                    .isEqualTo(FIRST + SECOND);
        }
    }

    @Test
    void emptyMembersAnywhereAddNothing() throws IOException {
        byte[] bytes = concat(member(""), member("a\n"), member(""), member(""), member("b\n"), member(""));

        assertThat(text(StallingInputStream.splitAt(bytes, 1))).isEqualTo("a\nb\n");
        assertThat(text(new ByteArrayInputStream(concat(member(""), member("")))))
                .isEmpty();
    }

    @Test
    void singleByteReadsGiveTheSameText() throws IOException {
        InputStream in = Decompression.detect(new ByteArrayInputStream(concat(member(FIRST), member(SECOND))));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int b = in.read(); b >= 0; b = in.read()) {
            out.write(b);
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(FIRST + SECOND);
    }

    @Test
    void aWrongCrcIsAnError() {
        byte[] bytes = concat(member(FIRST), member(SECOND));
        bytes[bytes.length - 8] ^= 1;

        assertThatThrownBy(() -> text(new ByteArrayInputStream(bytes)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("member 2")
                .hasMessageContaining("CRC");
    }

    @Test
    void aWrongLengthIsAnError() {
        byte[] bytes = concat(member(FIRST), member(SECOND));
        bytes[bytes.length - 4] ^= 1;

        assertThatThrownBy(() -> text(new ByteArrayInputStream(bytes)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("member 2")
                .hasMessageContaining("length");
    }

    @Test
    void aWrongHeaderCrcIsAnError() {
        byte[] second = member(SECOND, ALL_FIELDS);
        second[headerCrcIndex(second)] ^= 1;

        assertThatThrownBy(() -> text(new ByteArrayInputStream(concat(member(FIRST), second))))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("header");
    }

    @Test
    void aMemberCutAnywhereIsAnErrorNotAShorterText() {
        byte[] first = member(FIRST);
        byte[] second = member(SECOND, ALL_FIELDS);
        for (int kept = 1; kept < second.length; kept++) {
            byte[] cut = concat(first, Arrays.copyOf(second, kept));

            assertThatThrownBy(() -> text(new ByteArrayInputStream(cut)))
                    .as("member 2 cut after %d bytes", kept)
                    .isInstanceOf(EOFException.class)
                    .hasMessageContaining("member 2");
        }
    }

    @Test
    void bytesAfterAMemberThatStartNoMemberAreAnError() {
        byte[] bytes = concat(member(FIRST), "not gzip\n".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> text(new ByteArrayInputStream(bytes)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("after gzip member 1")
                .hasMessageContaining("byte " + member(FIRST).length);
    }

    @Test
    void plainTextPassesThrough() throws IOException {
        assertThat(text(new ByteArrayInputStream(FIRST.getBytes(StandardCharsets.UTF_8))))
                .isEqualTo(FIRST);
    }

    /** In a member with every header field: after the fixed ten bytes, XLEN and the extra field, name, comment. */
    private static int headerCrcIndex(byte[] member) {
        int nameEnd = indexOfZero(member, 10 + 2 + 6);
        return indexOfZero(member, nameEnd + 1) + 1;
    }

    private static int indexOfZero(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return i;
            }
        }
        throw new AssertionError("no terminator");
    }

    private static String lines(int first, int last) {
        return IntStream.rangeClosed(first, last)
                .mapToObj(i -> "{\"line\":" + i + "}\n")
                .collect(Collectors.joining());
    }

    private static String text(InputStream raw) throws IOException {
        try (InputStream in = Decompression.detect(raw)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static long lineCount(InputStream raw) throws IOException {
        List<String> lines = new ArrayList<>();
        try (NdjsonLineReader reader = new NdjsonLineReader(Decompression.detect(raw), 1000)) {
            while (reader.next()) {
                lines.add(new String(reader.bytes(), 0, reader.length(), StandardCharsets.UTF_8));
            }
        }
        return lines.size();
    }
}
