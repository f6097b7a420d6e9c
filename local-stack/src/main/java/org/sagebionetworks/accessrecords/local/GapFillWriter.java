package org.sagebionetworks.accessrecords.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.sagebionetworks.accessrecords.queries.compare.ComparisonInputException;
import org.sagebionetworks.accessrecords.queries.compare.GapFill;
import org.sagebionetworks.accessrecords.schema.AccessRecordContract;

/**
 * Writes the gap fill as the serving sink writes its files, so that today's Glue table and Snowflake read them as
 * they read the sink's: one file per {@code record_date=YYYY-MM-DD} folder, the contract's columns in its order
 * through parquet-avro (INT64 TIMESTAMP(MILLIS) adjusted to UTC, {@code record_date} an INT32 DATE in the file as
 * well as in the folder), Snappy. The file is named after the cutover, {@code gap-fill-before-<T>.snappy.parquet},
 * a name neither Spark's {@code part-*} nor the sink's {@code <topic>+<partition>+<offset>} can take.
 */
final class GapFillWriter implements GapFill.Output, AutoCloseable {

    private static final DateTimeFormatter COMPACT_INSTANT =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final Configuration HADOOP = new Configuration();

    private final Path root;
    private final String fileName;
    private final Map<LocalDate, Long> rowsPerDay = new TreeMap<>();
    private LocalDate day;
    private ParquetWriter<GenericRecord> writer;

    private GapFillWriter(Path root, String fileName) {
        this.root = root;
        this.fileName = fileName;
    }

    /** A writer into {@code root}, which must be new or empty: a gap fill is copied whole, never mixed. */
    static GapFillWriter into(Path root, Instant before) throws IOException {
        if (Files.isDirectory(root)) {
            try (Stream<Path> entries = Files.list(root)) {
                if (entries.findAny().isPresent()) {
                    throw new ComparisonInputException(root.toAbsolutePath()
                            + " is not empty: give a new folder, so that only this gap fill is copied");
                }
            }
        } else if (Files.exists(root)) {
            throw new ComparisonInputException(root.toAbsolutePath() + " is not a folder");
        }
        return new GapFillWriter(root, "gap-fill-before-" + COMPACT_INSTANT.format(before) + ".snappy.parquet");
    }

    /** The rows come ordered by day: a new day closes the previous day's file. */
    @Override
    public void write(LocalDate recordDate, GenericRecord row) throws IOException {
        if (!recordDate.equals(day)) {
            closeFile();
            day = recordDate;
            writer = open(file(recordDate));
        }
        writer.write(row);
        rowsPerDay.merge(recordDate, 1L, Long::sum);
    }

    Map<LocalDate, Long> rowsPerDay() {
        return rowsPerDay;
    }

    Path file(LocalDate recordDate) {
        return root.resolve("record_date=" + recordDate).resolve(fileName);
    }

    @Override
    public void close() throws IOException {
        closeFile();
    }

    private void closeFile() throws IOException {
        if (writer != null) {
            writer.close();
            writer = null;
        }
    }

    private static ParquetWriter<GenericRecord> open(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        return AvroParquetWriter.<GenericRecord>builder(new LocalOutputFile(file))
                .withConf(HADOOP)
                .withSchema(AccessRecordContract.processed())
                .withDataModel(GenericData.get())
                .withCompressionCodec(CompressionCodecName.SNAPPY)
                .build();
    }
}
