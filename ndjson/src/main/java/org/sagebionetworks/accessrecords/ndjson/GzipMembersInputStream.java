package org.sagebionetworks.accessrecords.ndjson;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipException;

/**
 * Every member of a gzip stream, however its bytes arrive. The JDK's {@code GZIPInputStream} looks for another
 * member after a trailer only if {@code available() > 0} (JDK-7036144), so a pipe or a network stream that has
 * not yet delivered the next member ends there, silently; it also ignores whatever follows a member that is not
 * a complete header. This stream blocks for the next byte instead: the end of the input ends the stream, the gzip
 * magic starts another member, and anything else is an error, as are a cut member and a wrong CRC or length.
 */
public final class GzipMembersInputStream extends InputStream {

    private static final int BUFFER = 1 << 16;

    private final InputStream in;
    private final byte[] buffer = new byte[BUFFER];
    private final Inflater inflater = new Inflater(true);
    private final CRC32 crc = new CRC32();
    private final byte[] single = new byte[1];
    private int position;
    private int limit;
    /** Compressed bytes read before {@code buffer[0]}: error messages say where the damage is. */
    private long bufferOffset;
    /** 1-based number of the member being read; 0 before the first. */
    private long member;

    private boolean inMember;
    private boolean ended;
    private boolean closed;

    public GzipMembersInputStream(InputStream in) {
        this.in = in;
    }

    @Override
    public int read() throws IOException {
        return read(single, 0, 1) < 0 ? -1 : single[0] & 0xff;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, target.length);
        if (length == 0) {
            return 0;
        }
        while (!ended) {
            if (!inMember) {
                ended = !startMember();
                continue;
            }
            int inflated = inflate(target, offset, length);
            if (inflated > 0) {
                crc.update(target, offset, inflated);
                return inflated;
            }
            if (inflater.finished()) {
                endMember();
            } else if (inflater.needsDictionary()) {
                throw new ZipException("gzip member " + member + " asks for a preset dictionary, which gzip has not");
            } else {
                feedInflater();
            }
        }
        return -1;
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            inflater.end();
            in.close();
        }
    }

    /** False at the end of the input; otherwise reads the next member's header. */
    private boolean startMember() throws IOException {
        long start = offset();
        int first = nextByteOrEnd();
        if (first < 0 && member > 0) {
            return false;
        }
        int second = first < 0 ? -1 : nextByteOrEnd();
        if (first == GzipHeader.MAGIC_FIRST && second < 0) {
            throw cutShort(member + 1, "header");
        }
        if (first != GzipHeader.MAGIC_FIRST || second != GzipHeader.MAGIC_SECOND) {
            throw new ZipException(
                    member == 0
                            ? "not gzip data"
                            : "the data at byte " + start + ", after gzip member "
                                    + member
                                    + ", does not start another member: the input is damaged or has trailing data (gzip(1) "
                                    + "calls it trailing garbage; the JDK's GZIPInputStream drops it silently)");
        }
        member++;
        GzipHeader.skipAfterMagic(() -> nextByte("header"), member);
        inflater.reset();
        crc.reset();
        inMember = true;
        return true;
    }

    /** Gives back what the inflater did not use, then checks the trailer: CRC32 and length modulo 2^32. */
    private void endMember() throws IOException {
        position = limit - inflater.getRemaining();
        long storedCrc = littleEndianInt();
        long storedLength = littleEndianInt();
        if (storedCrc != crc.getValue()) {
            throw new ZipException("gzip member " + member + " is corrupt: its CRC32 does not match its data");
        }
        if (storedLength != (inflater.getBytesWritten() & 0xffffffffL)) {
            throw new ZipException("gzip member " + member + " is corrupt: its stored length does not match its data");
        }
        inMember = false;
    }

    private int inflate(byte[] target, int offset, int length) throws ZipException {
        try {
            return inflater.inflate(target, offset, length);
        } catch (DataFormatException e) {
            throw new ZipException("gzip member " + member + " is corrupt: " + e.getMessage());
        }
    }

    /** The inflater keeps a reference to the buffer, so it is refilled only once the inflater has used it all. */
    private void feedInflater() throws IOException {
        if (position == limit && !fill()) {
            throw cutShort(member, "compressed data");
        }
        inflater.setInput(buffer, position, limit - position);
        position = limit;
    }

    private long littleEndianInt() throws IOException {
        long value = 0;
        for (int i = 0; i < 4; i++) {
            value |= (long) nextByte("trailer") << (8 * i);
        }
        return value;
    }

    private int nextByte(String part) throws IOException {
        int b = nextByteOrEnd();
        if (b < 0) {
            throw cutShort(member, part);
        }
        return b;
    }

    private int nextByteOrEnd() throws IOException {
        if (position == limit && !fill()) {
            return -1;
        }
        return buffer[position++] & 0xff;
    }

    /** Blocks until at least one byte arrives or the input ends; false at the end. */
    private boolean fill() throws IOException {
        int read;
        do {
            read = in.read(buffer, 0, BUFFER);
        } while (read == 0);
        if (read < 0) {
            return false;
        }
        bufferOffset += limit;
        position = 0;
        limit = read;
        return true;
    }

    private long offset() {
        return bufferOffset + position;
    }

    private EOFException cutShort(long cutMember, String part) {
        return new EOFException(
                "gzip member " + cutMember + " is cut short: the input ended in its " + part + " at byte " + offset());
    }
}
