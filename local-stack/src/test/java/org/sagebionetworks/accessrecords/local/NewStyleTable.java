package org.sagebionetworks.accessrecords.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.specific.SpecificData;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.sagebionetworks.accessrecords.connect.Layout;
import org.sagebionetworks.accessrecords.schema.AccessRecordContract;
import org.sagebionetworks.accessrecords.schema.ProcessedAccessRecord;
import org.sagebionetworks.accessrecords.sink.partition.DayPath;

/**
 * Rows as the pipeline's S3 sink leaves them, without running it: the day folders of a layout (named by the
 * sink's own {@link DayPath}), the sink's object names, and the contract's Parquet schema through parquet-avro,
 * which is the schema the sink writes (ParquetSchemaContractTest): INT64 TIMESTAMP(MILLIS, UTC), INT32 DATE
 * {@code record_date} in every file, the contract's required columns required.
 */
public final class NewStyleTable {

    private static final Configuration HADOOP = new Configuration();
    private static final SpecificData MODEL = model();

    private NewStyleTable() {}

    /** Writes {@code rows} below {@code root}, the folder the new Glue table's location points at. */
    public static void write(Path root, Layout layout, Collection<ProcessedAccessRecord> rows) throws IOException {
        DayPath days = new DayPath(layout.pathFormat());
        Map<String, List<ProcessedAccessRecord>> byDay = new TreeMap<>();
        for (ProcessedAccessRecord row : rows) {
            byDay.computeIfAbsent(days.of(row.getTimestamp().toEpochMilli()), day -> new ArrayList<>())
                    .add(row);
        }
        long offset = 0;
        for (Map.Entry<String, List<ProcessedAccessRecord>> day : byDay.entrySet()) {
            String name = StackSettings.PROCESSED_TOPIC + "+0+" + String.format("%010d", offset) + ".snappy.parquet";
            writeFile(root.resolve(day.getKey()).resolve(name), day.getValue());
            offset += day.getValue().size();
        }
    }

    private static void writeFile(Path file, List<ProcessedAccessRecord> rows) throws IOException {
        Files.createDirectories(file.getParent());
        try (ParquetWriter<ProcessedAccessRecord> writer = AvroParquetWriter.<ProcessedAccessRecord>builder(
                        new LocalOutputFile(file))
                .withConf(HADOOP)
                .withSchema(AccessRecordContract.processed())
                .withDataModel(MODEL)
                .withCompressionCodec(CompressionCodecName.SNAPPY)
                .build()) {
            for (ProcessedAccessRecord row : rows) {
                writer.write(row);
            }
        }
    }

    /** The generated class holds java.time values; the writer needs their conversions to epoch numbers. */
    private static SpecificData model() {
        SpecificData model = new SpecificData();
        model.addLogicalTypeConversion(new TimeConversions.TimestampMillisConversion());
        model.addLogicalTypeConversion(new TimeConversions.DateConversion());
        return model;
    }
}
