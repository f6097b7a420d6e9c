package org.sagebionetworks.accessrecords.queries;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Collectors;
import org.sagebionetworks.accessrecords.schema.DeadLetterColumns;
import org.sagebionetworks.accessrecords.schema.SharedNames;

/**
 * The table {@code dead_letters} over a local copy of the dead-letter archive (gzipped JSON lines below
 * {@code <topic>/dead_letter_date=YYYY-MM-dd/}), in an in-memory DuckDB, with the Glue table's columns and types
 * so that the Athena queries in {@code queries/dead-letters/} run unchanged.
 */
public final class DeadLetterTable {

    private DeadLetterTable() {}

    /** A DuckDB connection holding the view; the caller closes it. */
    public static Connection over(Path archive) throws SQLException {
        Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement statement = duckdb.createStatement()) {
            statement.execute("SET TimeZone = 'UTC'");
            statement.execute("CREATE VIEW " + SharedNames.DEAD_LETTER_TABLE + " AS SELECT * REPLACE (CAST("
                    + SharedNames.DEAD_LETTER_DATE + " AS DATE) AS " + SharedNames.DEAD_LETTER_DATE
                    + ") FROM read_json("
                    + LocalTable.literal(archive.toAbsolutePath() + "/*/*/*.json.gz")
                    + ", format = 'newline_delimited', hive_partitioning = true, columns = " + columns() + ")");
        } catch (SQLException e) {
            duckdb.close();
            throw e;
        }
        return duckdb;
    }

    private static String columns() {
        return DeadLetterColumns.ALL.stream()
                .map(column -> LocalTable.literal(column.name()) + ": " + LocalTable.literal(duckDbType(column.kind())))
                .collect(Collectors.joining(", ", "{", "}"));
    }

    private static String duckDbType(DeadLetterColumns.Kind kind) {
        return switch (kind) {
            case TEXT -> "VARCHAR";
            case INT -> "INTEGER";
            case LONG, EPOCH_MILLIS -> "BIGINT";
            case TEXT_MAP -> "MAP(VARCHAR, VARCHAR)";
        };
    }
}
