package org.sagebionetworks.accessrecords.ndjson;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/**
 * Firehose writes gzip objects, people pipe plain text: the content decides, not the file name. Concatenated
 * gzip members, as Firehose produces when it appends, are read as one stream.
 */
public final class Decompression {

    private static final int GZIP_MAGIC_FIRST = 0x1f;
    private static final int GZIP_MAGIC_SECOND = 0x8b;
    private static final int BUFFER = 1 << 16;

    private Decompression() {
    }

    public static InputStream detect(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, BUFFER);
        in.mark(2);
        int first = in.read();
        int second = in.read();
        in.reset();
        if (first == GZIP_MAGIC_FIRST && second == GZIP_MAGIC_SECOND) {
            return new GZIPInputStream(in, BUFFER);
        }
        return in;
    }
}
