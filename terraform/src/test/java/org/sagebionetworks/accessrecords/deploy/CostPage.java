package org.sagebionetworks.accessrecords.deploy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * docs/cost.md as data: its tables of Terraform variables (first column headed {@code variable}, a variable's name
 * in backticks in each row) and its cost tables, whose
 * {@code **total**} row adds up the rows above it.
 */
final class CostPage {

    static final String TOTAL = "**total**";

    private static final Pattern NAME_IN_BACKTICKS = Pattern.compile("^`([a-z][a-z0-9_]*)`$");
    private static final Pattern AMOUNT = Pattern.compile("^-?[0-9][0-9,]*(\\.[0-9]+)?$");

    private final List<MarkdownTable> tables;

    private CostPage(String page) {
        tables = MarkdownTable.allIn(page);
    }

    static CostPage read() {
        return new CostPage(Repository.read(Repository.COST_PAGE));
    }

    /** The tables whose rows are Terraform variables that exist today. */
    List<MarkdownTable> variableTables() {
        return tables.stream().filter(t -> t.rowHeading().equals("variable")).toList();
    }

    /** The tables with a total row. */
    List<MarkdownTable> costTables() {
        return tables.stream()
                .filter(t -> t.rows().stream().anyMatch(row -> row.get(0).equals(TOTAL)))
                .toList();
    }

    /** The variable a row names in its first cell; fails on anything else, so a typo cannot hide a row. */
    static String variableOf(List<String> row) {
        Matcher name = NAME_IN_BACKTICKS.matcher(row.get(0));
        if (!name.matches()) {
            throw new AssertionError("not one variable name in backticks: " + row.get(0));
        }
        return name.group(1);
    }

    /** A cell's amount (bold, thousands separators and a dollar sign allowed), or empty for text. */
    static Optional<BigDecimal> amount(String cell) {
        String bare = cell.replace("*", "").replace("$", "").strip();
        return AMOUNT.matcher(bare).matches() ? Optional.of(new BigDecimal(bare.replace(",", ""))) : Optional.empty();
    }
}
