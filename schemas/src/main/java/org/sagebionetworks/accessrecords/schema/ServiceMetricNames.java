package org.sagebionetworks.accessrecords.schema;

import java.util.List;

/**
 * The names under which the service's own metrics reach CloudWatch (as embedded-metric-format log lines) and
 * {@code /prometheus}: one name each in both. Terraform's alarms and dashboard name them too; Terraform cannot read
 * Java, so its tests check the planned alarms against this class, and the service's tests check that it writes
 * exactly these names.
 */
public final class ServiceMetricNames {

    /** The CloudWatch namespace when none is configured; Terraform gives each stack its own below it. */
    public static final String DEFAULT_NAMESPACE = "SynapseAccessRecords";
    /** The dimension every metric carries: the Kafka Streams application id, so versions side by side differ. */
    public static final String APPLICATION_ID = "ApplicationId";
    /** The dimension of {@link #DEAD_LETTERED}: the rejection reason, as in the dead letter's error.class header. */
    public static final String REASON = "reason";
    /** The dimension of {@link #TABLE_PENDING_AGE}: the consumer group of the S3 sink whose table it measures. */
    public static final String SINK = "sink";

    public static final String IN = "access_records_in_total";
    public static final String OUT = "access_records_out_total";
    public static final String DUPLICATES_DROPPED = "access_records_duplicates_dropped_total";
    public static final String LATE = "access_records_late_total";
    public static final String DEAD_LETTERED = "access_records_dead_lettered_total";
    public static final String KEY_MISMATCH = "access_records_key_mismatch_total";
    /** Records a topic refused, or that could not be serialized for it: each stops the stream thread. */
    public static final String PRODUCTION_ERRORS = "access_records_production_errors_total";
    /** Now minus the newest processed record's event time; negative when a producer's clock runs ahead. */
    public static final String EVENT_TIME_LAG = "access_records_event_time_lag_seconds";
    /** 1 while Kafka Streams is RUNNING or REBALANCING and the failure policy has not stopped it, else 0. */
    public static final String STREAMS_UP = "access_records_streams_up";
    /**
     * Now minus the Kafka timestamp of the oldest processed row a table's S3 sink has not committed; 0 when it has
     * committed every row. Absent while the service cannot tell (no such group, Kafka unreachable).
     */
    public static final String TABLE_PENDING_AGE = "access_records_table_pending_age_seconds";

    public static final List<String> ALL = List.of(
            IN,
            OUT,
            DUPLICATES_DROPPED,
            LATE,
            DEAD_LETTERED,
            KEY_MISMATCH,
            PRODUCTION_ERRORS,
            EVENT_TIME_LAG,
            STREAMS_UP,
            TABLE_PENDING_AGE);

    private ServiceMetricNames() {}
}
