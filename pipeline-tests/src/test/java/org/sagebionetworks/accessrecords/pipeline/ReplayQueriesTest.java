package org.sagebionetworks.accessrecords.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The blue/green comparison queries of {@code queries/replay/} on DuckDB (close to Athena's dialect), over two
 * small versions of the table that differ the way a changed rule makes them differ: one row a shorter dedup
 * horizon no longer drops, one row a changed client rule classifies differently, and today's rows, which the
 * queries leave out because today is still being written.
 */
class ReplayQueriesTest {

    private static final Path FOLDER = Path.of("..", "queries", "replay");
    private static final String COLUMNS =
            "(session_id VARCHAR, \"timestamp\" TIMESTAMP, record_date DATE, client VARCHAR)";

    private Connection duckdb;

    @BeforeEach
    void twoVersions() throws Exception {
        duckdb = DriverManager.getConnection("jdbc:duckdb:");
        execute("CREATE TABLE processedaccessrecord_v1 " + COLUMNS);
        execute("CREATE TABLE processedaccessrecord_v2 " + COLUMNS);
        execute("INSERT INTO processedaccessrecord_v1 VALUES " + row("a", 2, "PYTHON") + ", " + row("b", 2, "WEB")
                + ", " + row("c", 1, "WEB") + ", " + row("t", 0, "WEB"));
        execute("INSERT INTO processedaccessrecord_v2 VALUES " + row("a", 2, "PYTHON") + ", " + row("b", 2, "WEB")
                + ", " + row("b", 2, "WEB") + ", " + row("c", 1, "PYTHON") + ", " + row("t", 0, "WEB"));
    }

    @AfterEach
    void close() throws Exception {
        duckdb.close();
    }

    @Test
    void dailyCountsShowTheDayWithTheExtraRowAndLeaveTodayOut() throws Exception {
        assertThat(run("daily-counts-old-vs-new.sql"))
                .containsExactly(day(2) + " | 2 | 3 | 1", day(1) + " | 1 | 1 | 0");
    }

    @Test
    void countsByClientShowOnlyWhereTheRulesDiffer() throws Exception {
        assertThat(run("daily-counts-by-client-old-vs-new.sql"))
                .containsExactly(
                        day(2) + " | WEB | 1 | 2 | 1",
                        day(1) + " | PYTHON | 0 | 1 | 1",
                        day(1) + " | WEB | 1 | 0 | -1");
    }

    @Test
    void rowsOnlyInOneVersionCountCopiesSoTheExtraCopyShows() throws Exception {
        assertThat(run("rows-only-in-one-version.sql"))
                .singleElement()
                .asString()
                .startsWith("only in new | " + day(2) + " | b | ");
    }

    @Test
    void duplicateRowsListTheKeyWithItsNumberOfCopies() throws Exception {
        assertThat(run("duplicate-rows.sql"))
                .singleElement()
                .asString()
                .startsWith(day(2) + " | b | ")
                .endsWith(" | 2");
    }

    /** A row {@code daysAgo} days before today, its timestamp at noon UTC of that day. */
    private static String row(String sessionId, int daysAgo, String client) {
        return String.format(
                "('%s', CAST(current_date - %d AS TIMESTAMP) + INTERVAL '12' HOUR, current_date - %d, '%s')",
                sessionId, daysAgo, daysAgo, client);
    }

    private String day(int daysAgo) throws Exception {
        return query("SELECT CAST(current_date - " + daysAgo + " AS VARCHAR)").get(0);
    }

    private List<String> run(String file) throws Exception {
        return query(Files.readString(FOLDER.resolve(file)));
    }

    /** Each result row as its values joined by " | ". */
    private List<String> query(String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Statement statement = duckdb.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            ResultSetMetaData meta = result.getMetaData();
            while (result.next()) {
                List<String> values = new ArrayList<>();
                for (int column = 1; column <= meta.getColumnCount(); column++) {
                    values.add(String.valueOf(result.getObject(column)));
                }
                rows.add(String.join(" | ", values));
            }
        }
        return rows;
    }

    private void execute(String sql) throws Exception {
        try (Statement statement = duckdb.createStatement()) {
            statement.execute(sql);
        }
    }
}
