package org.sagebionetworks.accessrecords.sink.parquet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;

/** Rows to one snappy Parquet file, in memory: files are bounded by flush.size and uploaded whole. */
public final class ParquetFiles {

    private static final long MILLIS_PER_DAY = 86_400_000L;
    /**
     * Read once and shared (the writer only reads it): a writer built without one makes a Configuration of its
     * own and parses Hadoop's default XML again, which cost 40 to 150 ms a file against 2 to 7 ms with this.
     */
    private static final Configuration HADOOP = new Configuration();

    private ParquetFiles() {}

    public static byte[] write(List<Struct> rows) throws IOException {
        Schema avro = AvroSchemas.fromConnect(rows.get(0).schema());
        InMemoryFile file = new InMemoryFile();
        try (ParquetWriter<GenericRecord> writer = AvroParquetWriter.<GenericRecord>builder(file)
                .withConf(HADOOP)
                .withSchema(avro)
                .withCompressionCodec(CompressionCodecName.SNAPPY)
                .build()) {
            for (Struct row : rows) {
                writer.write(toAvro(row, avro));
            }
        }
        return file.bytes.toByteArray();
    }

    private static GenericRecord toAvro(Struct row, Schema avro) {
        GenericData.Record record = new GenericData.Record(avro);
        for (Field field : row.schema().fields()) {
            Object value = row.get(field);
            if (value instanceof java.util.Date moment) {
                value = Date.LOGICAL_NAME.equals(field.schema().name())
                        ? (Object) Math.toIntExact(Math.floorDiv(moment.getTime(), MILLIS_PER_DAY))
                        : (Object) moment.getTime();
            }
            record.put(field.name(), value);
        }
        return record;
    }

    /** Timestamp values are java.util.Date in Connect; a plain long is taken as epoch milliseconds. */
    public static long epochMillis(Object value) {
        if (value instanceof java.util.Date moment) {
            return moment.getTime();
        }
        if (value instanceof Long millis) {
            return millis;
        }
        throw new IllegalArgumentException("not a " + Timestamp.LOGICAL_NAME + " or epoch milliseconds: " + value);
    }

    private static final class InMemoryFile implements OutputFile {

        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        @Override
        public PositionOutputStream create(long blockSizeHint) {
            return new PositionOutputStream() {
                @Override
                public long getPos() {
                    return bytes.size();
                }

                @Override
                public void write(int b) {
                    bytes.write(b);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    bytes.write(b, off, len);
                }
            };
        }

        @Override
        public PositionOutputStream createOrOverwrite(long blockSizeHint) {
            bytes.reset();
            return create(blockSizeHint);
        }

        @Override
        public boolean supportsBlockSize() {
            return false;
        }

        @Override
        public long defaultBlockSize() {
            return 0;
        }
    }
}
