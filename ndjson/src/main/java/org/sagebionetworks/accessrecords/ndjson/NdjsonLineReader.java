package org.sagebionetworks.accessrecords.ndjson;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Newline-delimited records as bytes, one line at a time, in constant memory: a line longer than the limit is
 * still counted and its length measured, but only its first {@code maxLineBytes + 1} bytes are kept, so a
 * corrupt multi-gigabyte "line" cannot exhaust the heap. A trailing {@code \r} is dropped; a final line
 * without a newline counts; the empty string after a final newline does not.
 */
public final class NdjsonLineReader implements Closeable {

    private static final int CHUNK = 1 << 16;

    private final InputStream in;
    private final int maxLineBytes;
    private final byte[] chunk = new byte[CHUNK];
    private int chunkPosition;
    private int chunkLimit;
    private byte[] line = new byte[1024];
    private int kept;
    private long fullLength;
    private long lineNumber;

    public NdjsonLineReader(InputStream in, int maxLineBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /** Advances to the next line; false at the end of the input. */
    public boolean next() throws IOException {
        kept = 0;
        fullLength = 0;
        boolean sawAnything = false;
        while (true) {
            if (chunkPosition == chunkLimit && !fill()) {
                if (sawAnything) {
                    lineNumber++;
                    dropCarriageReturn();
                }
                return sawAnything;
            }
            sawAnything = true;
            int newline = indexOfNewline();
            int end = newline < 0 ? chunkLimit : newline;
            keep(chunkPosition, end - chunkPosition);
            chunkPosition = newline < 0 ? chunkLimit : newline + 1;
            if (newline >= 0) {
                lineNumber++;
                dropCarriageReturn();
                return true;
            }
        }
    }

    /** The kept bytes of the current line; only {@link #length()} of them are valid. */
    public byte[] bytes() {
        return line;
    }

    public int length() {
        return kept;
    }

    /** The line's real length in bytes, which exceeds {@link #length()} when the line was truncated. */
    public long fullLength() {
        return fullLength;
    }

    public boolean truncated() {
        return fullLength > kept;
    }

    /** 1-based number of the current line. */
    public long lineNumber() {
        return lineNumber;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private boolean fill() throws IOException {
        int read = in.read(chunk, 0, CHUNK);
        while (read == 0) {
            read = in.read(chunk, 0, CHUNK);
        }
        chunkPosition = 0;
        chunkLimit = Math.max(read, 0);
        return read > 0;
    }

    private int indexOfNewline() {
        for (int i = chunkPosition; i < chunkLimit; i++) {
            if (chunk[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private void keep(int from, int count) {
        fullLength += count;
        int room = maxLineBytes + 1 - kept;
        int copied = Math.min(count, Math.max(room, 0));
        if (copied > 0) {
            if (kept + copied > line.length) {
                line = Arrays.copyOf(line, Math.min(Math.max(line.length * 2, kept + copied), maxLineBytes + 1));
            }
            System.arraycopy(chunk, from, line, kept, copied);
            kept += copied;
        }
    }

    private void dropCarriageReturn() {
        if (!truncated() && kept > 0 && line[kept - 1] == '\r') {
            kept--;
            fullLength--;
        }
    }
}
