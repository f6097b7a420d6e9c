package org.sagebionetworks.accessrecords.queries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Trino's parser tells Athena's dialect from DuckDB's, which the tests run the queries in. */
class AthenaSyntaxTest {

    @Test
    void acceptsWhatTheDashboardsUseWithAFinalSemicolon() {
        String sql = """
                -- a comment first, as every query file has
                SELECT record_date, date_trunc('hour', "timestamp") AS bin,
                       count(DISTINCT user_id) FILTER (WHERE user_id <> 273950) AS users,
                       count_if(response_status BETWEEN 500 AND 599) AS server_errors
                FROM processedaccessrecord
                WHERE record_date >= current_date - INTERVAL '30' DAY
                GROUP BY 1, 2
                ORDER BY record_date;
                """;

        assertThat(AthenaSyntax.errorIn(sql)).isEmpty();
    }

    /** Each runs in DuckDB; Trino stops at the token given, on the line given. */
    static Stream<Arguments> duckDbOnlyConstructs() {
        return Stream.of(
                arguments("a :: cast", """
                        SELECT session_id,
                               user_id::varchar AS user_text
                        FROM processedaccessrecord;
                        """, 2, ":"),
                arguments("ILIKE", """
                        SELECT client
                        FROM processedaccessrecord
                        WHERE client ILIKE 'py%';
                        """, 3, "ILIKE"),
                arguments("SELECT * EXCLUDE", """
                        SELECT *
                               EXCLUDE (client)
                        FROM processedaccessrecord;
                        """, 2, "EXCLUDE"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("duckDbOnlyConstructs")
    void refusesADuckDbOnlyConstructThatDuckDbRuns(String construct, String sql, int line, String token)
            throws Exception {
        assertThat(rowsDuckDbReturns(sql)).as("DuckDB runs it").isEqualTo(1);

        assertThat(AthenaSyntax.errorIn(sql)).hasValueSatisfying(error -> {
            assertThat(error.line()).as(error.toString()).isEqualTo(line);
            assertThat(error.message()).startsWith("mismatched input '" + token + "'");
        });
    }

    @Test
    void refusesASecondStatement() {
        assertThat(AthenaSyntax.errorIn("SELECT 1;\nSELECT 2;"))
                .hasValueSatisfying(error -> assertThat(error.line()).isEqualTo(1));
    }

    private static int rowsDuckDbReturns(String sql) throws Exception {
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = duckdb.createStatement()) {
            statement.execute("CREATE TABLE processedaccessrecord AS "
                    + "SELECT 'abc' AS session_id, CAST(273950 AS BIGINT) AS user_id, 'PYTHON' AS client");
            int rows = 0;
            try (ResultSet result = statement.executeQuery(sql)) {
                while (result.next()) {
                    rows++;
                }
            }
            return rows;
        }
    }
}
