package org.sagebionetworks.accessrecords.local;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import org.sagebionetworks.accessrecords.connect.Layout;
import org.sagebionetworks.accessrecords.queries.compare.ComparisonInputException;
import org.sagebionetworks.accessrecords.queries.compare.ComparisonReport;
import org.sagebionetworks.accessrecords.queries.compare.DayRange;
import org.sagebionetworks.accessrecords.queries.compare.GapFill;
import org.sagebionetworks.accessrecords.queries.compare.ReportFormat;
import org.sagebionetworks.accessrecords.queries.compare.TableComparison;
import org.sagebionetworks.accessrecords.queries.compare.TableCopy;
import org.sagebionetworks.accessrecords.sink.partition.DayPath;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code local-stack compare}: the shadow check before the switch from the Glue job. It reads local copies (or
 * mounts) of both tables' files through DuckDB, as {@code query} does, and needs nothing running. Exit status 0
 * when the tables agree over the days, 1 when they differ, 2 when they cannot be compared as given. With
 * {@code --gap-fill} it writes the first switch's gap fill instead: exit status 0 when written, 2 as above.
 */
@Command(
        name = "compare",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Compares the Glue job's processedaccessrecord with the new table over a range of days: rows per day, "
                    + "rows on one side only by (session_id, timestamp), mismatches per column with examples.",
            "Reads local copies or mounts of both tables' files (e.g. aws s3 sync of the days to compare).",
            "With --gap-fill DIR --before T: writes the first switch's gap fill instead (docs/cutover.md).",
            "Exit status: 0 equal (or the gap fill written), 1 different, 2 bad input."
        })
final class CompareCommand implements Callable<Integer> {

    static final int EQUAL = 0;
    static final int DIFFERENT = 1;
    static final int BAD_INPUT = 2;

    @Option(
            names = "--glue",
            required = true,
            paramLabel = "DIR",
            description = "The Glue job's table: the folder holding its record_date=YYYY-MM-DD folders.")
    Path glue;

    @Option(
            names = "--new",
            required = true,
            paramLabel = "DIR",
            description = "The new table: the folder its Glue table's location points at.")
    Path fresh;

    @Option(
            names = "--layout",
            required = true,
            converter = LayoutConverter.class,
            description = "The new table's layout: record-date or year-month-day.")
    Layout layout;

    @Option(
            names = "--from",
            required = true,
            paramLabel = "DAY",
            description = "First UTC day (record_date) to compare, YYYY-MM-DD.")
    LocalDate from;

    @Option(names = "--to", required = true, paramLabel = "DAY", description = "Last UTC day to compare, included.")
    LocalDate to;

    @Option(names = "--format", defaultValue = "TABLE", description = "TABLE or JSON (default: ${DEFAULT-VALUE}).")
    ReportFormat format;

    @Option(
            names = "--examples",
            defaultValue = "5",
            paramLabel = "N",
            description = "Rows shown for each kind of difference (default: ${DEFAULT-VALUE}).")
    int examples;

    @Option(
            names = "--gap-fill",
            paramLabel = "DIR",
            description = "Instead of the report: write the rows before --before that the new table holds and the"
                    + " Glue job's does not, by (session_id, timestamp), as Parquet below DIR"
                    + " (record_date=YYYY-MM-DD/gap-fill-before-T.snappy.parquet), for the first switch.")
    Path gapFill;

    @Option(
            names = "--before",
            paramLabel = "T",
            description = "With --gap-fill: the cutover, a UTC midnight (2026-12-01T00:00:00Z); rows from T on are"
                    + " the serving feed's.")
    Instant before;

    @ParentCommand
    LocalStackMain parent;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ComparisonReport report;
        try {
            DayRange range = new DayRange(from, to);
            if (gapFill != null || before != null) {
                return writeGapFill(range);
            }
            report = TableComparison.compare(TableCopy.glueJob(glue), newTable(), range, examples);
        } catch (ComparisonInputException e) {
            spec.commandLine().getErr().println("compare: " + e.getMessage());
            return BAD_INPUT;
        }
        PrintStream out = parent.out();
        out.print(format.render(report));
        out.flush();
        return report.equal() ? EQUAL : DIFFERENT;
    }

    private TableCopy newTable() {
        DayPath days = new DayPath(layout.pathFormat());
        return TableCopy.pipeline(
                fresh,
                layout.fileName(),
                day -> days.of(day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli()));
    }

    /** The gap fill and, per day, the rows written and where: what the runbook copies into the serving folder. */
    private int writeGapFill(DayRange range) throws Exception {
        if (gapFill == null || before == null) {
            throw new ComparisonInputException("--gap-fill DIR and --before T go together");
        }
        TableCopy glueTable = TableCopy.glueJob(glue);
        TableCopy newTable = newTable();
        PrintStream out = parent.out();
        try (GapFillWriter writer = GapFillWriter.into(gapFill, before)) {
            GapFill.select(glueTable, newTable, range, before, writer);
            writer.close();
            out.println("Gap fill before " + before + ", " + range + ": rows the new table holds and the Glue job's"
                    + " does not");
            writer.rowsPerDay().forEach((day, rows) -> out.printf("%s %8d%n", day, rows));
            long total = writer.rowsPerDay().values().stream()
                    .mapToLong(Long::longValue)
                    .sum();
            out.println(
                    total == 0
                            ? "No rows to fill: nothing written."
                            : "Wrote " + total + " rows below " + gapFill.toAbsolutePath()
                                    + "; copy them into the serving folder once (docs/cutover.md).");
        }
        out.flush();
        return EQUAL;
    }

    static final class LayoutConverter implements ITypeConverter<Layout> {
        @Override
        public Layout convert(String name) {
            return Layout.named(name);
        }
    }
}
