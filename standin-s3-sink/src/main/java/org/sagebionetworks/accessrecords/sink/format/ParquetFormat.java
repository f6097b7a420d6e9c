package org.sagebionetworks.accessrecords.sink.format;

import java.io.IOException;
import java.util.List;
import org.apache.kafka.connect.data.Struct;
import org.sagebionetworks.accessrecords.sink.parquet.ParquetFiles;

/** Confluent's ParquetFormat with parquet.codec=snappy, the table's format. */
public final class ParquetFormat implements FileFormat {

    public static final String CLASS_NAME = "io.confluent.connect.s3.format.parquet.ParquetFormat";

    @Override
    public String extension() {
        return ".snappy.parquet";
    }

    @Override
    public byte[] write(List<Struct> rows) throws IOException {
        return ParquetFiles.write(rows);
    }
}
