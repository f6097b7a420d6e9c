package org.sagebionetworks.accessrecords.benchmarks;

import java.io.PrintStream;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The side-by-side runs as a Markdown table, ready for BENCHMARKS.md: each run, the median of each figure per jar,
 * and candidate / baseline of those medians.
 */
final class SideBySideTable {

    private final String baseline;
    private final String candidate;

    SideBySideTable(String baseline, String candidate) {
        this.baseline = baseline;
        this.candidate = candidate;
    }

    void print(List<SideBySide.Run> runs, PrintStream out) {
        List<String> names = runs.get(0).figures().names();
        out.println();
        out.println("| run | jar | " + String.join(" | ", names) + " |");
        out.println("|---|---|" + "---|".repeat(names.size()));
        for (SideBySide.Run run : runs) {
            out.println(row(
                    String.valueOf(run.round()),
                    run.jar().label(),
                    names,
                    name -> run.figures().get(name)));
        }
        out.println(row("median", baseline, names, name -> median(runs, baseline, name)));
        out.println(row("median", candidate, names, name -> median(runs, candidate, name)));
        out.println(row("ratio", candidate + " / " + baseline, names, name -> ratio(runs, name)));
    }

    private double ratio(List<SideBySide.Run> runs, String name) {
        return median(runs, candidate, name) / median(runs, baseline, name);
    }

    private static String row(String first, String second, List<String> names, ToDoubleFunction<String> value) {
        StringBuilder row = new StringBuilder("| " + first + " | " + second + " |");
        for (String name : names) {
            row.append(' ').append(format(value.applyAsDouble(name))).append(" |");
        }
        return row.toString();
    }

    /** The middle value, or the mean of the two middle ones for an even count. */
    static double median(List<SideBySide.Run> runs, String label, String name) {
        double[] values = runs.stream()
                .filter(run -> run.jar().label().equals(label))
                .mapToDouble(run -> run.figures().get(name))
                .sorted()
                .toArray();
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    private static String format(double value) {
        return Math.abs(value) >= 100 ? String.format("%,.0f", value) : String.format("%,.2f", value);
    }
}
