package org.sagebionetworks.accessrecords.local;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import org.sagebionetworks.accessrecords.connect.Layout;
import org.sagebionetworks.accessrecords.queries.compare.ComparisonInputException;
import org.sagebionetworks.accessrecords.queries.compare.ComparisonReport;
import org.sagebionetworks.accessrecords.queries.compare.DayRange;
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
 * when the tables agree over the days, 1 when they differ, 2 when they cannot be compared as given.
 */
@Command(
        name = "compare",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Compares the Glue job's processedaccessrecord with the new table over a range of days: rows per day, "
                    + "rows on one side only by (session_id, timestamp), mismatches per column with examples.",
            "Reads local copies or mounts of both tables' files (e.g. aws s3 sync of the days to compare).",
            "Exit status: 0 equal, 1 different, 2 bad input."
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

    @ParentCommand
    LocalStackMain parent;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ComparisonReport report;
        try {
            DayRange range = new DayRange(from, to);
            DayPath days = new DayPath(layout.pathFormat());
            TableCopy newTable = TableCopy.pipeline(
                    fresh,
                    layout.fileName(),
                    day -> days.of(day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli()));
            report = TableComparison.compare(TableCopy.glueJob(glue), newTable, range, examples);
        } catch (ComparisonInputException e) {
            spec.commandLine().getErr().println("compare: " + e.getMessage());
            return BAD_INPUT;
        }
        PrintStream out = parent.out();
        out.print(format.render(report));
        out.flush();
        return report.equal() ? EQUAL : DIFFERENT;
    }

    static final class LayoutConverter implements ITypeConverter<Layout> {
        @Override
        public Layout convert(String name) {
            return Layout.named(name);
        }
    }
}
