package org.sagebionetworks.accessrecords.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.sagebionetworks.accessrecords.ndjson.Decompression;
import org.sagebionetworks.accessrecords.ndjson.NdjsonLineReader;

/**
 * The lines of Firehose NDJSON files, plain or gzip (told by content), one after the other, as bytes exactly as
 * written: the enricher, not this reader, decides what is valid. A file that cannot be read stops the run.
 */
final class FileLines implements Iterator<byte[]>, AutoCloseable {

    /** Far above any access record: an oversized line still reaches the enricher, which dead-letters it. */
    private static final int MAX_LINE_BYTES = 8 * 1024 * 1024;

    private final Iterator<Path> files;
    private NdjsonLineReader reader;
    private Path current;
    private boolean ready;

    FileLines(List<Path> files) {
        this.files = files.iterator();
    }

    @Override
    public boolean hasNext() {
        try {
            while (!ready) {
                if (reader != null && reader.next()) {
                    ready = true;
                } else if (!openNext()) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + current, e);
        }
    }

    @Override
    public byte[] next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        ready = false;
        return Arrays.copyOf(reader.bytes(), reader.length());
    }

    @Override
    public void close() throws IOException {
        if (reader != null) {
            reader.close();
        }
    }

    private boolean openNext() throws IOException {
        close();
        reader = null;
        if (!files.hasNext()) {
            return false;
        }
        current = files.next();
        InputStream in = Files.newInputStream(current);
        reader = new NdjsonLineReader(Decompression.detect(in), MAX_LINE_BYTES);
        return true;
    }
}
