package org.sagebionetworks.accessrecords.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * docs/cost.md derives every figure from Terraform variables and their defaults: the variables it names must exist
 * and have the defaults it assumes, and each cost table's total must be the sum of its rows, so neither the page
 * nor the configuration can drift from the other unnoticed.
 */
class CostPageTest {

    private static final TerraformConfig TF = TerraformConfig.load();
    private static final CostPage PAGE = CostPage.read();

    @Test
    void everyVariableThePageNamesIsDeclared() {
        List<String> named = PAGE.variableTables().stream()
                .flatMap(table -> table.rows().stream())
                .map(CostPage::variableOf)
                .toList();

        assertThat(PAGE.variableTables())
                .as("tables headed 'variable' in docs/cost.md")
                .hasSizeGreaterThan(2);
        assertThat(named)
                .allSatisfy(name -> assertThat(TF.entries("variable"))
                        .as("variables.tf declares " + name + ", which docs/cost.md names")
                        .containsKey(name));
    }

    @Test
    void theDefaultsThePageAssumesAreTheDeclaredOnes() {
        List<MarkdownTable> withDefaults = PAGE.variableTables().stream()
                .filter(table -> table.header().contains("default"))
                .toList();

        assertThat(withDefaults).isNotEmpty();
        for (MarkdownTable table : withDefaults) {
            int column = table.header().indexOf("default");
            for (List<String> row : table.rows()) {
                String name = CostPage.variableOf(row);
                assertThat(row.get(column).replace("`", ""))
                        .as("the default docs/cost.md assumes for " + name)
                        .isEqualTo(declaredDefault(name));
            }
        }
    }

    @Test
    void everyTotalIsTheSumOfItsRows() {
        assertThat(PAGE.costTables()).as("cost tables with a **total** row").hasSizeGreaterThan(2);
        for (MarkdownTable table : PAGE.costTables()) {
            List<List<String>> rows = table.rows().stream()
                    .filter(row -> !row.get(0).equals(CostPage.TOTAL))
                    .toList();
            List<String> total = table.rows().stream()
                    .filter(row -> row.get(0).equals(CostPage.TOTAL))
                    .findFirst()
                    .orElseThrow();
            for (int column = 1; column < table.header().size(); column++) {
                int c = column;
                CostPage.amount(total.get(c))
                        .ifPresent(stated -> assertThat(sum(rows, c))
                                .as("sum of the column '" + table.header().get(c) + "' of the table headed "
                                        + table.header())
                                .isEqualByComparingTo(stated));
            }
        }
    }

    private static BigDecimal sum(List<List<String>> rows, int column) {
        return rows.stream()
                .map(row -> CostPage.amount(row.get(column))
                        .orElseThrow(() -> new AssertionError("not an amount: '" + row.get(column) + "' in " + row)))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** A default as Terraform would print it: numbers without a trailing .0, lists in brackets. */
    private static String declaredDefault(String name) {
        Object value = ((Map<?, ?>) TF.entries("variable").get(name)).get("default");
        if (value instanceof Number number) {
            return new BigDecimal(number.toString()).stripTrailingZeros().toPlainString();
        }
        if (value instanceof List<?> list) {
            return list.toString();
        }
        return String.valueOf(value);
    }
}
