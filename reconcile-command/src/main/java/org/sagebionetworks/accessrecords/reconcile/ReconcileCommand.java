package org.sagebionetworks.accessrecords.reconcile;

import java.io.IOException;
import java.io.PrintStream;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.apache.kafka.common.KafkaException;
import org.sagebionetworks.accessrecords.archive.ArchiveLocation;
import org.sagebionetworks.accessrecords.schema.RecordLimits;
import org.sagebionetworks.accessrecords.schema.SharedNames;
import org.sagebionetworks.accessrecords.toolsupport.IsoInstantConverter;
import org.sagebionetworks.accessrecords.toolsupport.KafkaOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import software.amazon.awssdk.core.exception.SdkException;

/** {@code reconcile}: the archive, the table and the dead letters of a range of record days compared (docs/reconcile.md). */
@Command(
        name = "reconcile",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Per record day (UTC day of payload.timestamp): the valid records of the Firehose archive, the table's",
            "rows and the dead letters, compared by (session_id, timestamp); duplicates count once.",
            "Prints the load-archive command that fills each gap, and last a one-line JSON result.",
            "Exit status: 0 every day agrees, 1 a day disagrees, 2 usage error, 3 could not reconcile."
        })
public final class ReconcileCommand implements Callable<Integer> {

    @Option(
            names = "--from",
            required = true,
            paramLabel = "DAY",
            converter = DayConverter.class,
            description = "First record day (UTC): YYYY-MM-DD, or today-N.")
    private LocalDate from;

    @Option(
            names = "--to",
            required = true,
            paramLabel = "DAY",
            converter = DayConverter.class,
            description = "Last record day (UTC), included: YYYY-MM-DD, or today-N.")
    private LocalDate to;

    @Option(
            names = "--bucket",
            required = true,
            paramLabel = "BUCKET",
            description = "The Firehose archive's bucket, as for load-archive.")
    private String bucket;

    @Option(
            names = "--prefix",
            required = true,
            paramLabel = "PREFIX",
            description = "The archive's folder above year=, as for load-archive.")
    private String prefix;

    @Option(
            names = "--table-bucket",
            required = true,
            paramLabel = "BUCKET",
            description = "The bucket of the table's Parquet files (the lake).")
    private String tableBucket;

    @Option(
            names = "--table-prefix",
            required = true,
            paramLabel = "PREFIX",
            description = "The folder holding the table's record_date=YYYY-MM-DD/ folders, e.g. "
                    + "processed/v1/synapse.accessrecords.processed.v1.")
    private String tablePrefix;

    @Option(
            names = "--endpoint",
            paramLabel = "URL",
            description = "An S3-compatible endpoint (path-style) for both buckets; AWS S3 when absent.")
    private String endpoint;

    @Option(
            names = "--region",
            paramLabel = "REGION",
            defaultValue = "${env:AWS_REGION:-us-east-1}",
            description = "The buckets' region (default: env AWS_REGION, else ${DEFAULT-VALUE}).")
    private String region;

    @Mixin
    private KafkaOptions kafka;

    @Option(
            names = "--dead-letter-topic",
            paramLabel = "TOPIC",
            defaultValue = "${env:ACCESS_RECORDS_TOPICS_DEAD_LETTER:-" + SharedNames.DEAD_LETTER_TOPIC + "}",
            description = "The dead-letter topic (default: env ACCESS_RECORDS_TOPICS_DEAD_LETTER, else "
                    + "${DEFAULT-VALUE}).")
    private String deadLetterTopic;

    @Option(
            names = "--dead-letters-since",
            paramLabel = "ISO-8601",
            converter = IsoInstantConverter.class,
            description = "Read the dead letters written from this time on (default: the day before --from, "
                    + "00:00 UTC); to the topic's end as it was at the start.")
    private Instant deadLettersSince;

    @Option(
            names = "--max-record-bytes",
            paramLabel = "BYTES",
            defaultValue = "${env:ACCESS_RECORDS_MAX_RECORD_BYTES:-" + RecordLimits.MAX_RECORD_BYTES + "}",
            description = "Longer lines are invalid, as the service decides (default: env "
                    + "ACCESS_RECORDS_MAX_RECORD_BYTES, else ${DEFAULT-VALUE}).")
    private int maxRecordBytes;

    @Option(
            names = "--strict",
            description = "A day whose table holds keys the archive lacks disagrees too (by default those are "
                    + "records only the publisher delivered, reported as table_only).")
    private boolean strict;

    @Option(
            names = "--format",
            paramLabel = "TEXT|JSON",
            defaultValue = "TEXT",
            description = "TEXT (a table, the gaps' commands, the result line) or JSON (one line).")
    private ReportFormat format;

    private PrintStream out = System.out;
    private PrintStream err = System.err;

    /** For tests: where the report and the failures go. */
    ReconcileCommand withStreams(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
        return this;
    }

    @Override
    public Integer call() {
        RecordDays days;
        try {
            days = new RecordDays(from, to);
        } catch (IllegalArgumentException e) {
            err.println("reconcile: " + e.getMessage());
            return 2;
        }
        ArchiveLocation archive = new ArchiveLocation(bucket, prefix, region, endpoint);
        Reconciliation result;
        try {
            result = reconciler(archive)
                    .reconcile(days, deadLettersSince != null ? deadLettersSince : days.dayBeforeStart(), strict);
        } catch (IOException | SQLException | IllegalStateException | SdkException | KafkaException e) {
            err.println("reconcile failed: " + e.getMessage());
            return 3;
        }
        if (format == ReportFormat.JSON) {
            out.println(JsonReport.report(result, archive));
        } else {
            TextReport.print(result, archive, out);
        }
        return result.agrees() ? 0 : 1;
    }

    private Reconciler reconciler(ArchiveLocation archive) {
        return new Reconciler(
                new ArchiveReader(archive, maxRecordBytes),
                new TableReader(tableBucket, tablePrefix, region, endpoint),
                new DeadLetterReader(kafka.client(), deadLetterTopic, kafka.timeout()));
    }
}
