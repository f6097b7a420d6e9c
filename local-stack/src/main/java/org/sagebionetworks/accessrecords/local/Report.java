package org.sagebionetworks.accessrecords.local;

import java.io.PrintStream;
import java.nio.file.Path;
import org.sagebionetworks.accessrecords.queries.LocalTable;
import org.sagebionetworks.accessrecords.queries.QueryFiles;
import org.sagebionetworks.accessrecords.queries.QueryFiles.QueryFile;
import org.sagebionetworks.accessrecords.queries.ResultFormat;
import org.sagebionetworks.accessrecords.schema.SharedNames;

/** What the local stack tells its user: where everything is, how far the data got, and the dashboards' answers. */
final class Report {

    private final PrintStream out;
    private final LocalStack stack;
    private final RawInput raw;
    private final Path tableDir;
    private final Path queries;

    Report(PrintStream out, LocalStack stack, RawInput raw, Path tableDir, Path queries) {
        this.out = out;
        this.stack = stack;
        this.raw = raw;
        this.tableDir = tableDir;
        this.queries = queries;
    }

    Path tableDir() {
        return tableDir;
    }

    void where(SinkSpec sink) {
        out.println();
        out.println("  Kafka            " + stack.bootstrapServers() + "  (raw topic " + SharedNames.RAW_TOPIC + ")");
        out.println("  enricher health  " + stack.enricherUrl() + "/health");
        out.println("  enricher metrics " + stack.enricherUrl() + "/prometheus");
        out.println("  Kafka Connect    " + stack.connectorUrl(sink) + "/status  (stand-in S3 sink)");
        out.println("  S3 endpoint      " + stack.s3Endpoint() + "  (bucket " + StackSettings.BUCKET + ")");
        out.println("  Parquet files    " + tableDir.toAbsolutePath() + "/" + dayFolders(sink) + "/");
        out.println();
    }

    void status() {
        TableCounts table = new TableCounts(tableDir);
        out.printf(
                "Fed %d lines; %s; %s; the table has %d rows in %d Parquet files.%n",
                raw.fed(), raw.summary(), ServiceCounters.summary(stack), table.rows(), table.files());
    }

    void answers() throws Exception {
        try (LocalTable table = LocalTable.over(tableDir)) {
            for (QueryFile query : QueryFiles.in(queries)) {
                out.println();
                out.println("== " + query.name() + " (" + queries.resolve(query.name() + ".sql") + ")");
                out.print(ResultFormat.TABLE.render(table.run(query.sql())));
            }
        }
        out.println();
        out.println("Ask your own: java -jar local-stack/target/local-stack.jar query -e \"SELECT count(*) FROM "
                + SharedNames.VIEW + "\"");
    }

    /** The layout's day folders as people read them: its Joda path.format without the quotes around literals. */
    private static String dayFolders(SinkSpec sink) {
        return sink.layout().pathFormat().replace("'", "");
    }
}
