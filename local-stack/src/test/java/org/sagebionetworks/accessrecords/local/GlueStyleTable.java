package org.sagebionetworks.accessrecords.local;

import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.BINARY;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.BOOLEAN;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.INT64;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.INT96;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Types;
import org.sagebionetworks.accessrecords.schema.AccessRecordContract;
import org.sagebionetworks.accessrecords.schema.ProcessedAccessRecord;

/**
 * Rows as the Glue job leaves them in today's table. Its script writes through Spark
 * ({@code write_dynamic_frame.from_catalog} with {@code partitionKeys=["record_date"]}), so: one folder
 * {@code record_date=YYYY-MM-DD} per UTC day of {@code timestamp}, {@code record_date} only in the folder name and
 * not a column of the files; Spark's file names {@code part-NNNNN-<run uuid>.c000.snappy.parquet}, a run every
 * six hours; every column optional; {@code timestamp} as INT96, the default of Spark's
 * {@code spark.sql.parquet.outputTimestampType}, which the job leaves alone (ours are INT64 TIMESTAMP(MILLIS));
 * strings BINARY (STRING), bigints INT64.
 */
public final class GlueStyleTable {

    private static final long MILLIS_PER_DAY = 86_400_000L;
    private static final long NANOS_PER_MILLI = 1_000_000L;
    /** The Julian day number of 1970-01-01: INT96 timestamps count days from the Julian epoch. */
    private static final int JULIAN_DAY_OF_EPOCH = 2_440_588;

    private static final int HOURS_PER_RUN = 6;
    private static final String RECORD_DATE = "record_date";
    private static final MessageType SPARK_SCHEMA = sparkSchema();
    /** Shared: a writer without one parses Hadoop's XML defaults again for every file. */
    private static final Configuration HADOOP = new Configuration();

    private GlueStyleTable() {}

    /** Writes {@code rows} below {@code root}, the folder the Glue table's location points at. */
    public static void write(Path root, Collection<ProcessedAccessRecord> rows) throws IOException {
        Map<String, List<ProcessedAccessRecord>> byFile =
                rows.stream().collect(Collectors.groupingBy(GlueStyleTable::fileOf, TreeMap::new, Collectors.toList()));
        for (Map.Entry<String, List<ProcessedAccessRecord>> file : byFile.entrySet()) {
            writeFile(root.resolve(file.getKey()), file.getValue());
        }
    }

    /** The day folder and the file of the six-hour run that wrote the row. */
    private static String fileOf(ProcessedAccessRecord row) {
        Instant time = row.getTimestamp();
        LocalDate day = LocalDate.ofInstant(time, ZoneOffset.UTC);
        int run = time.atZone(ZoneOffset.UTC).getHour() / HOURS_PER_RUN;
        UUID runId = UUID.nameUUIDFromBytes((day + "/" + run).getBytes(StandardCharsets.UTF_8));
        return RECORD_DATE + "=" + day + "/part-" + String.format("%05d", run) + "-" + runId + ".c000.snappy.parquet";
    }

    private static void writeFile(Path file, List<ProcessedAccessRecord> rows) throws IOException {
        Files.createDirectories(file.getParent());
        SimpleGroupFactory groups = new SimpleGroupFactory(SPARK_SCHEMA);
        try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(file))
                .withConf(HADOOP)
                .withType(SPARK_SCHEMA)
                .withCompressionCodec(CompressionCodecName.SNAPPY)
                .build()) {
            for (ProcessedAccessRecord row : rows) {
                writer.write(group(groups.newGroup(), row));
            }
        }
    }

    private static Group group(Group group, ProcessedAccessRecord row) {
        for (Schema.Field field : AccessRecordContract.processed().getFields()) {
            Object value = row.get(field.pos());
            if (value == null || field.name().equals(RECORD_DATE)) {
                continue;
            }
            if (value instanceof Instant moment) {
                group.add(field.name(), int96(moment.toEpochMilli()));
            } else if (value instanceof Long number) {
                group.add(field.name(), number);
            } else if (value instanceof Boolean flag) {
                group.add(field.name(), flag);
            } else {
                group.add(field.name(), value.toString());
            }
        }
        return group;
    }

    /** Nanoseconds of the day (8 bytes) then the Julian day (4 bytes), both little-endian, as Spark writes it. */
    static Binary int96(long epochMillis) {
        long day = Math.floorDiv(epochMillis, MILLIS_PER_DAY);
        long nanosOfDay = Math.floorMod(epochMillis, MILLIS_PER_DAY) * NANOS_PER_MILLI;
        ByteBuffer bytes = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        bytes.putLong(nanosOfDay).putInt(Math.toIntExact(day + JULIAN_DAY_OF_EPOCH));
        return Binary.fromConstantByteArray(bytes.array());
    }

    /** The contract's columns as Spark declares the Glue table's, in its order, without the partition key. */
    private static MessageType sparkSchema() {
        Types.MessageTypeBuilder message = Types.buildMessage();
        for (Schema.Field field : AccessRecordContract.processed().getFields()) {
            if (field.name().equals(RECORD_DATE)) {
                continue;
            }
            Schema type = AccessRecordContract.nonNull(field);
            if (type.getLogicalType() instanceof LogicalTypes.TimestampMillis) {
                message.optional(INT96).named(field.name());
                continue;
            }
            switch (type.getType()) {
                case STRING ->
                    message.optional(BINARY)
                            .as(LogicalTypeAnnotation.stringType())
                            .named(field.name());
                case LONG -> message.optional(INT64).named(field.name());
                case BOOLEAN -> message.optional(BOOLEAN).named(field.name());
                default -> throw new IllegalStateException("no Spark column type for " + field);
            }
        }
        return message.named("spark_schema");
    }
}
