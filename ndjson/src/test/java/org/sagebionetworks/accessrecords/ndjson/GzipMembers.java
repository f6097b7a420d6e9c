package org.sagebionetworks.accessrecords.ndjson;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/** Gzip members built byte by byte (RFC 1952), with the optional header fields the JDK's writer never sets. */
final class GzipMembers {

    static final int FHCRC = 2;
    static final int FEXTRA = 4;
    static final int FNAME = 8;
    static final int FCOMMENT = 16;
    static final int ALL_FIELDS = FHCRC | FEXTRA | FNAME | FCOMMENT;

    private GzipMembers() {}

    /** One member holding {@code text}, with the header fields that {@code flags} names. */
    static byte[] member(String text, int flags) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] header = header(flags);
        out.writeBytes(header);
        if ((flags & FHCRC) != 0) {
            CRC32 headerCrc = new CRC32();
            headerCrc.update(header);
            writeLittleEndian(out, headerCrc.getValue(), 2);
        }
        byte[] data = text.getBytes(StandardCharsets.UTF_8);
        out.writeBytes(deflate(data));
        CRC32 crc = new CRC32();
        crc.update(data);
        writeLittleEndian(out, crc.getValue(), 4);
        writeLittleEndian(out, data.length, 4);
        return out.toByteArray();
    }

    static byte[] member(String text) {
        return member(text, 0);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static byte[] header(int flags) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0x1f, (byte) 0x8b, 8, (byte) flags, 1, 2, 3, 4, 0, 3});
        if ((flags & FEXTRA) != 0) {
            writeLittleEndian(out, 6, 2);
            out.writeBytes(new byte[] {'A', 'P', 2, 0, 0x1f, (byte) 0x8b});
        }
        if ((flags & FNAME) != 0) {
            out.writeBytes("records.ndjson\0".getBytes(StandardCharsets.ISO_8859_1));
        }
        if ((flags & FCOMMENT) != 0) {
            out.writeBytes("written by hand\0".getBytes(StandardCharsets.ISO_8859_1));
        }
        return out.toByteArray();
    }

    private static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        deflater.setInput(data);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[4096];
        while (!deflater.finished()) {
            out.write(chunk, 0, deflater.deflate(chunk));
        }
        deflater.end();
        return out.toByteArray();
    }

    private static void writeLittleEndian(ByteArrayOutputStream out, long value, int bytes) {
        for (int i = 0; i < bytes; i++) {
            out.write((int) (value >>> (8 * i)) & 0xff);
        }
    }
}
