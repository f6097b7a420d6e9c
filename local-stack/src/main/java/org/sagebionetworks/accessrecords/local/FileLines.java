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
 * written: the enricher, not this reader, decides what is valid. A line longer than {@code maxLineBytes} keeps only
 * its first bytes but its real length, which is enough to refuse it as too large. A file that cannot be read stops
 * the run.
 */
final class FileLines implements Iterator<RawLine>, AutoCloseable {

    private final Iterator<Path> files;
    private final int maxLineBytes;
    private NdjsonLineReader reader;
    private Path current;
    private boolean ready;

    FileLines(List<Path> files, int maxLineBytes) {
        this.files = files.iterator();
        this.maxLineBytes = maxLineBytes;
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
    public RawLine next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        ready = false;
        return new RawLine(Arrays.copyOf(reader.bytes(), reader.length()), reader.fullLength(),
                current.toUri().toString(), reader.lineNumber());
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
        reader = new NdjsonLineReader(Decompression.detect(in), maxLineBytes);
        return true;
    }
}
