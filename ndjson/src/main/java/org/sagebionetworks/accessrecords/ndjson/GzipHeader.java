package org.sagebionetworks.accessrecords.ndjson;

import java.io.IOException;
import java.util.zip.CRC32;
import java.util.zip.ZipException;

/**
 * The header of a gzip member after its two magic bytes (RFC 1952, 2.3), checked and skipped: method deflate,
 * no reserved flag, and the optional extra field, file name, comment and header CRC that other writers than the
 * JDK's may set.
 */
final class GzipHeader {

    /** The next byte of the stream, 0-255; throws at the end of the input. */
    @FunctionalInterface
    interface ByteSource {
        int next() throws IOException;
    }

    static final int MAGIC_FIRST = 0x1f;
    static final int MAGIC_SECOND = 0x8b;
    private static final int DEFLATE = 8;
    private static final int FHCRC = 2;
    private static final int FEXTRA = 4;
    private static final int FNAME = 8;
    private static final int FCOMMENT = 16;
    private static final int RESERVED = 0xe0;
    /** MTIME (4 bytes), XFL and OS. */
    private static final int FIXED_TAIL = 6;

    private final ByteSource source;
    private final CRC32 crc = new CRC32();

    private GzipHeader(ByteSource source) {
        this.source = source;
        crc.update(MAGIC_FIRST);
        crc.update(MAGIC_SECOND);
    }

    /** Reads the rest of member {@code member}'s header from {@code source}, up to its compressed data. */
    static void skipAfterMagic(ByteSource source, long member) throws IOException {
        new GzipHeader(source).skip(member);
    }

    private void skip(long member) throws IOException {
        int method = next();
        if (method != DEFLATE) {
            throw new ZipException("gzip member " + member + " uses compression method " + method + ", not deflate");
        }
        int flags = next();
        if ((flags & RESERVED) != 0) {
            throw new ZipException("gzip member " + member + " sets reserved header flags " + flags);
        }
        skipBytes(FIXED_TAIL);
        if ((flags & FEXTRA) != 0) {
            skipBytes(next() | next() << 8);
        }
        if ((flags & FNAME) != 0) {
            skipZeroTerminated();
        }
        if ((flags & FCOMMENT) != 0) {
            skipZeroTerminated();
        }
        if ((flags & FHCRC) != 0) {
            int expected = (int) crc.getValue() & 0xffff;
            int stored = source.next() | source.next() << 8;
            if (stored != expected) {
                throw new ZipException("gzip member " + member + " has a corrupt header: its CRC16 does not match");
            }
        }
    }

    private int next() throws IOException {
        int b = source.next();
        crc.update(b);
        return b;
    }

    private void skipBytes(int count) throws IOException {
        for (int i = 0; i < count; i++) {
            next();
        }
    }

    private void skipZeroTerminated() throws IOException {
        int b = next();
        while (b != 0) {
            b = next();
        }
    }
}
