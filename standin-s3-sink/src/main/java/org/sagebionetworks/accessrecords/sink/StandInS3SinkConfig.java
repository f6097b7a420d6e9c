package org.sagebionetworks.accessrecords.sink;

import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.ValidString;
import org.apache.kafka.common.config.ConfigException;
import org.sagebionetworks.accessrecords.sink.format.FileFormat;
import org.sagebionetworks.accessrecords.sink.format.JsonLinesFormat;
import org.sagebionetworks.accessrecords.sink.format.ParquetFormat;

/**
 * The keys of Confluent's S3 sink that the stand-in honours, with Confluent's meaning, and the keys it accepts
 * only at the value the pipeline's configuration uses (anything else is refused rather than silently ignored).
 */
public final class StandInS3SinkConfig extends AbstractConfig {

    public static final String BUCKET = "s3.bucket.name";
    public static final String REGION = "s3.region";
    public static final String STORE_URL = "store.url";
    public static final String TOPICS_DIR = "topics.dir";
    public static final String PATH_FORMAT = "path.format";
    public static final String PARTITION_DURATION_MS = "partition.duration.ms";
    public static final String TIMEZONE = "timezone";
    public static final String LOCALE = "locale";
    public static final String TIMESTAMP_EXTRACTOR = "timestamp.extractor";
    public static final String TIMESTAMP_FIELD = "timestamp.field";
    public static final String FLUSH_SIZE = "flush.size";
    public static final String ROTATE_INTERVAL_MS = "rotate.interval.ms";
    public static final String ROTATE_SCHEDULE_INTERVAL_MS = "rotate.schedule.interval.ms";
    public static final String PARQUET_CODEC = "parquet.codec";
    public static final String NULL_VALUES = "behavior.on.null.values";
    public static final String REPORT_NULLS = "report.null.values.to.dlq";
    public static final String ROTATE_ON_PARTITION_CHANGE = "rotate.file.on.partition.change";
    public static final String PART_RETRIES = "s3.part.retries";
    public static final String PART_RETRY_BACKOFF_MS = "s3.retry.backoff.ms";
    public static final String RETRY_BACKOFF_MS = "retry.backoff.ms";
    public static final String FORMAT_CLASS = "format.class";
    public static final String PARTITIONER_CLASS = "partitioner.class";
    public static final String COMPRESSION_TYPE = "s3.compression.type";

    public static final ConfigDef DEFINITION = new ConfigDef()
            .define(BUCKET, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, Importance.HIGH, "Bucket the files go to.")
            .define(REGION, Type.STRING, "us-west-2", Importance.MEDIUM, "Region of the bucket (Confluent's default).")
            .define(
                    STORE_URL,
                    Type.STRING,
                    null,
                    Importance.HIGH,
                    "Endpoint of an S3-compatible store (s3proxy, MinIO); path-style addressing is used.")
            .define(TOPICS_DIR, Type.STRING, "topics", Importance.HIGH, "Top folder; the pipeline version's own.")
            .define(
                    PATH_FORMAT,
                    Type.STRING,
                    ConfigDef.NO_DEFAULT_VALUE,
                    Importance.HIGH,
                    "Joda pattern of the partition folder, e.g. 'year'=YYYY/'month'=MM/'day'=dd.")
            .define(
                    PARTITION_DURATION_MS,
                    Type.LONG,
                    86_400_000L,
                    Importance.MEDIUM,
                    "Only whole UTC days (86400000) are supported.")
            .define(TIMEZONE, Type.STRING, "UTC", ValidString.in("UTC"), Importance.HIGH, "Only UTC.")
            .define(LOCALE, Type.STRING, "en-US", Importance.LOW, "Accepted for compatibility; digits only.")
            .define(
                    TIMESTAMP_EXTRACTOR,
                    Type.STRING,
                    "RecordField",
                    ValidString.in("RecordField"),
                    Importance.HIGH,
                    "Only RecordField: the folder comes from the row, so a replay writes the same keys.")
            .define(
                    TIMESTAMP_FIELD,
                    Type.STRING,
                    "timestamp",
                    Importance.HIGH,
                    "Field holding a Connect Timestamp or epoch milliseconds.")
            .define(
                    FLUSH_SIZE,
                    Type.INT,
                    ConfigDef.NO_DEFAULT_VALUE,
                    ConfigDef.Range.atLeast(1),
                    Importance.HIGH,
                    "Records per file; a full file is committed.")
            .define(
                    ROTATE_INTERVAL_MS,
                    Type.LONG,
                    -1L,
                    Importance.HIGH,
                    "A file is committed when a record's time exceeds its first record's by this much (record time).")
            .define(
                    ROTATE_SCHEDULE_INTERVAL_MS,
                    Type.LONG,
                    -1L,
                    ConfigDef.Range.atLeast(-1),
                    Importance.LOW,
                    "A file open this long (wall clock) is committed even if no record follows; not deterministic "
                            + "across restarts, so the table's sinks leave it off (-1).")
            .define(PARQUET_CODEC, Type.STRING, "snappy", ValidString.in("snappy"), Importance.MEDIUM, "Only snappy.")
            .define(
                    NULL_VALUES,
                    Type.STRING,
                    "fail",
                    ValidString.in("ignore", "fail"),
                    Importance.MEDIUM,
                    "ignore skips tombstones; fail stops the task (Confluent's default).")
            .define(
                    REPORT_NULLS,
                    Type.BOOLEAN,
                    true,
                    Importance.LOW,
                    "With behavior.on.null.values=ignore, whether each skipped null is also sent to the dead-letter "
                            + "topic (Confluent's default).")
            .define(
                    ROTATE_ON_PARTITION_CHANGE,
                    Type.BOOLEAN,
                    true,
                    StandInS3SinkConfig::onlyTrue,
                    Importance.LOW,
                    "A record for another day commits the open file (Confluent's default). The stand-in keeps one "
                            + "open file per Kafka partition, so false is refused.")
            .define(
                    PART_RETRIES,
                    Type.INT,
                    3,
                    ConfigDef.Range.atLeast(0),
                    Importance.MEDIUM,
                    "How many times a failed upload is retried at once before the batch is given back to Connect "
                            + "(Confluent's default).")
            .define(
                    PART_RETRY_BACKOFF_MS,
                    Type.LONG,
                    200L,
                    ConfigDef.Range.atLeast(0),
                    Importance.LOW,
                    "Wait before the first of those retries, doubled for each further one (Confluent's default).")
            .define(
                    RETRY_BACKOFF_MS,
                    Type.LONG,
                    5000L,
                    ConfigDef.Range.atLeast(0),
                    Importance.LOW,
                    "When an upload still fails, how long Connect waits before it delivers the batch again; "
                            + "the task retries for as long as the store is down (Confluent's default).")
            .define(
                    FORMAT_CLASS,
                    Type.STRING,
                    ParquetFormat.CLASS_NAME,
                    ValidString.in(ParquetFormat.CLASS_NAME, JsonLinesFormat.CLASS_NAME),
                    Importance.HIGH,
                    "Confluent's ParquetFormat (the table) or JsonFormat (the dead-letter archive).")
            .define(
                    COMPRESSION_TYPE,
                    Type.STRING,
                    "none",
                    ValidString.in("none", "gzip"),
                    Importance.LOW,
                    "Compression of JsonFormat files (Confluent's default none).")
            .define(
                    PARTITIONER_CLASS,
                    Type.STRING,
                    null,
                    Importance.LOW,
                    "Accepted for compatibility; always time-based on the record field.");

    private static void onlyTrue(String name, Object value) {
        if (!Boolean.TRUE.equals(value)) {
            throw new ConfigException(
                    name, value, "the stand-in always rotates on a day change; remove it or set true");
        }
    }

    /** The format the files are written in, with the extension Confluent's sink gives them. */
    public FileFormat fileFormat() {
        if (getString(FORMAT_CLASS).equals(JsonLinesFormat.CLASS_NAME)) {
            return new JsonLinesFormat(getString(COMPRESSION_TYPE).equals("gzip"));
        }
        return new ParquetFormat();
    }

    public StandInS3SinkConfig(Map<String, String> settings) {
        super(DEFINITION, settings);
        if (getLong(PARTITION_DURATION_MS) != 86_400_000L) {
            throw new ConfigException(PARTITION_DURATION_MS, getLong(PARTITION_DURATION_MS), "only 86400000 (a day)");
        }
    }
}
