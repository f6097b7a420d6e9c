package org.sagebionetworks.accessrecords.queries;

import java.util.List;

/** An answer as a text table for people: columns padded to their widest value, numbers to the right. */
final class AlignedTable {

    private static final String NULL = "null";

    private AlignedTable() {}

    static String render(QueryResult result) {
        List<List<String>> rows = result.textRows();
        int[] widths = widths(result.columns(), rows);
        boolean[] numeric = numericColumns(result);
        StringBuilder out = new StringBuilder();
        appendRow(out, result.columns(), widths, new boolean[widths.length]);
        for (int width : widths) {
            out.append("-".repeat(width)).append("  ");
        }
        trimEnd(out).append('\n');
        rows.forEach(row -> appendRow(out, row, widths, numeric));
        return out.append('(')
                .append(rows.size())
                .append(rows.size() == 1 ? " row)\n" : " rows)\n")
                .toString();
    }

    private static int[] widths(List<String> columns, List<List<String>> rows) {
        int[] widths = columns.stream().mapToInt(String::length).toArray();
        for (List<String> row : rows) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], shown(row.get(i)).length());
            }
        }
        return widths;
    }

    private static boolean[] numericColumns(QueryResult result) {
        boolean[] numeric = new boolean[result.columns().size()];
        for (int i = 0; i < numeric.length; i++) {
            final int column = i;
            numeric[i] = !result.rows().isEmpty()
                    && result.rows().stream()
                            .allMatch(row -> row.get(column) == null || row.get(column) instanceof Number);
        }
        return numeric;
    }

    private static void appendRow(StringBuilder out, List<String> values, int[] widths, boolean[] rightAligned) {
        for (int i = 0; i < widths.length; i++) {
            String value = shown(values.get(i));
            String padding = " ".repeat(widths[i] - value.length());
            out.append(rightAligned[i] ? padding + value : value + padding).append("  ");
        }
        trimEnd(out).append('\n');
    }

    /**
     * Control characters (C0, DEL, C1) as <code>&#92;uXXXX</code>: the values are the table's, byte for byte, and may
     * hold an escape sequence a terminal would run, or a tab or line break that would tear the rows apart.
     */
    private static String shown(String value) {
        if (value == null) {
            return NULL;
        }
        if (value.chars().noneMatch(Character::isISOControl)) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static StringBuilder trimEnd(StringBuilder out) {
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == ' ') {
            end--;
        }
        out.setLength(end);
        return out;
    }
}
