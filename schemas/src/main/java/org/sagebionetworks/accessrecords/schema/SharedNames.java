package org.sagebionetworks.accessrecords.schema;

/**
 * The names every pipeline version and every program share, so that a tool run beside the service, the local
 * stack, Terraform and the docs all reach the same topics and view without options. What one version owns is
 * {@link PipelineVersion}'s. Terraform cannot read Java: its tests check naming.tf against this class.
 */
public final class SharedNames {

    /** Raw envelopes from Synapse's publisher and the archive loader. */
    public static final String RAW_TOPIC = "synapse.accessrecords.raw";
    /** Raw records the service or the loader rejected, with reason headers. */
    public static final String DEAD_LETTER_TOPIC = "synapse.accessrecords.raw.dlq";
    /** Processed records the S3 sink could not write, with Connect's error headers. */
    public static final String SINK_DEAD_LETTER_TOPIC = "synapse.accessrecords.sink.dlq";
    /**
     * The Glue table over the dead-letter archive: every dead-letter topic's letters as JSON lines, one folder per
     * topic and day (docs/dead-letters.md); its columns are {@link DeadLetterColumns}'.
     */
    public static final String DEAD_LETTER_TABLE = "dead_letters";
    /** The archive's day partition: the UTC day a letter was dead-lettered. */
    public static final String DEAD_LETTER_DATE = "dead_letter_date";
    /** What each archive load published from each Firehose object (compacted). */
    public static final String ARCHIVE_LOADER_PROGRESS_TOPIC = "synapse.accessrecords.archive-loader.progress";
    /** The letters {@code redrive} put back on the raw topic, a record per letter (compacted). */
    public static final String REDRIVE_PROGRESS_TOPIC = "synapse.accessrecords.redrive.progress";
    /**
     * A redrive's transactional id is this prefix and the dead-letter topic it reads, so that two redrives of one
     * topic fence each other; Terraform grants the task exactly these ids.
     */
    public static final String REDRIVE_TRANSACTIONAL_ID_PREFIX = "synapse-access-records-redrive-";
    /** The Athena view readers query; it selects from the current version's table (the blue/green switch). */
    public static final String VIEW = "processedaccessrecord";
    /**
     * The serving feed: each version writes here the rows of its serving window, and one S3 sink writes them
     * under the folder today's loaders read. It bears the table's name because Confluent's S3 sink names each
     * file's folder after its topic, and Snowflake's nightly load selects {@code .../processedaccessrecord/
     * record_date=...} (docs/serving.md).
     */
    public static final String SERVING_TOPIC = "processedaccessrecord";
    /** Where the service keeps its RocksDB state unless configured otherwise. */
    public static final String STATE_DIR = "/tmp/kafka-streams";

    private SharedNames() {}
}
