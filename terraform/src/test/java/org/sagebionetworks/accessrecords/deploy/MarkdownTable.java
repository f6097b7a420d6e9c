package org.sagebionetworks.accessrecords.deploy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One markdown table of a page: its header cells and the cells of each row, trimmed, with their markup (backticks,
 * bold) kept. A table is a header line, a separator line of dashes, and every {@code |} line after them.
 */
record MarkdownTable(List<String> header, List<List<String>> rows) {

    private static final Pattern SEPARATOR = Pattern.compile("^\\|(\\s*:?-+:?\\s*\\|)+\\s*$");

    /** Every table of the page, in order. */
    static List<MarkdownTable> allIn(String page) {
        List<String> lines = page.lines().toList();
        List<MarkdownTable> tables = new ArrayList<>();
        for (int i = 0; i + 1 < lines.size(); i++) {
            if (lines.get(i).startsWith("|")
                    && SEPARATOR.matcher(lines.get(i + 1)).matches()) {
                List<List<String>> rows = new ArrayList<>();
                int next = i + 2;
                while (next < lines.size() && lines.get(next).startsWith("|")) {
                    rows.add(cells(lines.get(next++)));
                }
                tables.add(new MarkdownTable(cells(lines.get(i)), rows));
                i = next - 1;
            }
        }
        return tables;
    }

    /** The text of the header's first cell, which names what each row is. */
    String rowHeading() {
        return header.get(0);
    }

    private static List<String> cells(String line) {
        String inner = line.strip().substring(1);
        if (inner.endsWith("|")) {
            inner = inner.substring(0, inner.length() - 1);
        }
        return Arrays.stream(inner.split("\\|", -1)).map(String::strip).toList();
    }
}
