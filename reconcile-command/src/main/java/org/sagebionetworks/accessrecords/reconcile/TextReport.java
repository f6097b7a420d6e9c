package org.sagebionetworks.accessrecords.reconcile;

import java.io.PrintStream;
import org.sagebionetworks.accessrecords.archive.ArchiveLocation;

/** The reconciliation for a person: a line per day, each gap with the command that fills it, then the result line. */
final class TextReport {

    private static final String ROW = "%-11s %12s %12s %8s %12s %12s %9s %10s %12s  %s%n";

    private TextReport() {}

    static void print(Reconciliation result, ArchiveLocation archive, PrintStream out) {
        out.printf(
                ROW,
                "record_date",
                "archive_keys",
                "valid_lines",
                "invalid",
                "table_keys",
                "table_rows",
                "missing",
                "table_only",
                "dead_letters",
                "result");
        for (DayResult day : result.results()) {
            DayCounts counts = day.counts();
            out.printf(
                    ROW,
                    day.day(),
                    counts.archiveKeys(),
                    counts.archiveValidLines(),
                    day.archiveInvalidLines(),
                    counts.tableKeys(),
                    counts.tableRows(),
                    counts.missing(),
                    counts.tableOnly(),
                    day.deadLetters(),
                    day.agrees(result.strict()) ? "agrees" : "DISAGREES");
        }
        printGaps(result, archive, out);
        out.printf(
                "Without a record time: %d dead letters, %d invalid archive lines.%n",
                result.deadLettersWithoutTime(), result.archiveInvalidWithoutTime());
        out.println(JsonReport.resultLine(result));
    }

    private static void printGaps(Reconciliation result, ArchiveLocation archive, PrintStream out) {
        for (Gap gap : result.gaps()) {
            out.printf(
                    "Gap on %s: %d records from %s to %s are in the archive, not in the table. Fill it with:%n  %s%n",
                    gap.day(), gap.missing(), gap.first(), gap.last(), gap.loadArchiveCommand(archive));
        }
    }
}
