package org.sagebionetworks.accessrecords.ndjson;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Firehose writes gzip objects, people pipe plain text: the content decides, not the file name. Every gzip member
 * is read, whenever its bytes arrive (see {@link GzipMembersInputStream} for why not the JDK's GZIPInputStream).
 */
public final class Decompression {

    private static final int BUFFER = 1 << 16;

    private Decompression() {}

    public static InputStream detect(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, BUFFER);
        in.mark(2);
        int first = in.read();
        int second = first < 0 ? -1 : in.read();
        in.reset();
        if (first == GzipHeader.MAGIC_FIRST && second == GzipHeader.MAGIC_SECOND) {
            return new GzipMembersInputStream(in);
        }
        return in;
    }
}
