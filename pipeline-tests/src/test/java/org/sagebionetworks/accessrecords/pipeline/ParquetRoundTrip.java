package org.sagebionetworks.accessrecords.pipeline;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.kafka.connect.data.Struct;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.io.DelegatingSeekableInputStream;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.SeekableInputStream;
import org.sagebionetworks.accessrecords.converter.ProcessedRecordConverter;
import org.sagebionetworks.accessrecords.core.RowEncoder;
import org.sagebionetworks.accessrecords.schema.ProcessedAccessRecord;
import org.sagebionetworks.accessrecords.sink.parquet.ParquetFiles;

/**
 * A processed row the way it reaches the table: the service's bytes on the processed topic, read by
 * {@link ProcessedRecordConverter} as the connector configuration says, written by the sink's own {@link ParquetFiles}, and read
 * back from the Parquet file. Values are compared as plain column values (strings, longs, booleans, epoch
 * milliseconds, epoch days), so a string Parquet cannot hold shows up as a difference, not a crash.
 */
final class ParquetRoundTrip {

    private static final String TOPIC = "processed";
    private static final ProcessedRecordConverter CONVERTER = new ProcessedRecordConverter();
    /** Shared, as the sink shares its own: a reader without one parses Hadoop's XML defaults again each time. */
    private static final Configuration HADOOP = new Configuration();

    private ParquetRoundTrip() {}

    /** The row's column values as the table holds them after the round trip. */
    static Map<String, Object> throughTheTable(ProcessedAccessRecord row) throws IOException {
        Struct struct =
                (Struct) CONVERTER.toConnectData(TOPIC, RowEncoder.bytesOf(row)).value();
        byte[] file = ParquetFiles.write(List.of(struct));
        try (ParquetReader<GenericRecord> reader = AvroParquetReader.<GenericRecord>builder(new MemoryFile(file))
                .withConf(HADOOP)
                .build()) {
            GenericRecord read = reader.read();
            if (reader.read() != null) {
                throw new IllegalStateException("one row written, more than one read");
            }
            return columns(read);
        }
    }

    /** The row's own column values, in the same plain form. */
    static Map<String, Object> columns(ProcessedAccessRecord row) {
        return columns((GenericRecord) row);
    }

    private static Map<String, Object> columns(GenericRecord record) {
        Map<String, Object> columns = new LinkedHashMap<>();
        for (Schema.Field field : record.getSchema().getFields()) {
            columns.put(field.name(), plain(record.get(field.pos())));
        }
        return columns;
    }

    private static Object plain(Object value) {
        if (value instanceof Instant moment) {
            return moment.toEpochMilli();
        }
        if (value instanceof LocalDate day) {
            return Math.toIntExact(day.toEpochDay());
        }
        return value instanceof CharSequence text ? text.toString() : value;
    }

    private record MemoryFile(byte[] bytes) implements InputFile {

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
