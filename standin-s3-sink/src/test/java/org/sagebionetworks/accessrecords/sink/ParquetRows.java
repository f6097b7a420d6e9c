package org.sagebionetworks.accessrecords.sink;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.DelegatingSeekableInputStream;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.SeekableInputStream;

/** Reads a Parquet file's footer from memory, to count what a test's upload holds. */
final class ParquetRows {

    private ParquetRows() {}

    static long count(byte[] file) throws IOException {
        try (ParquetFileReader reader = ParquetFileReader.open(new MemoryInputFile(file))) {
            return reader.getRecordCount();
        }
    }

    private record MemoryInputFile(byte[] bytes) implements InputFile {

        @Override
        public long getLength() {
            return bytes.length;
        }

        @Override
        public SeekableInputStream newStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(bytes);
            return new DelegatingSeekableInputStream(in) {
                @Override
                public long getPos() {
                    return bytes.length - in.available();
                }

                @Override
                public void seek(long position) {
                    in.reset();
                    in.skip(position);
                }
            };
        }
    }
}
