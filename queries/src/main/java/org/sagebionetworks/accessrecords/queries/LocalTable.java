package org.sagebionetworks.accessrecords.queries;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.sagebionetworks.accessrecords.schema.SharedNames;

/**
 * The table {@code processedaccessrecord} over a local folder of the sink's Parquet files, in an in-memory DuckDB, so the
 * Athena queries in {@code queries/} run unchanged on a laptop. The session is set to UTC, as Athena is.
 * Folder names are not read as partition columns: every row already carries {@code record_date}, and with the
 * {@code record_date=} layout a folder column would collide with it.
 */
public final class LocalTable implements AutoCloseable {

    private final Connection duckdb;

    private LocalTable(Connection duckdb) {
        this.duckdb = duckdb;
    }

    /** Opens the table over every {@code *.parquet} below {@code root}; there must be at least one. */
    public static LocalTable over(Path root) throws SQLException {
        if (ParquetFolder.list(root).isEmpty()) {
            throw new IllegalStateException(
                    "no Parquet files under " + root.toAbsolutePath() + ": has the sink written anything yet?");
        }
        Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement statement = duckdb.createStatement()) {
            statement.execute("SET TimeZone = 'UTC'");
            statement.execute("CREATE VIEW " + SharedNames.VIEW + " AS SELECT * FROM read_parquet("
                    + literal(root.toAbsolutePath() + "/**/*.parquet") + ", hive_partitioning = false)");
        } catch (SQLException e) {
            duckdb.close();
            throw e;
        }
        return new LocalTable(duckdb);
    }

    /** Runs one statement and reads its whole answer. */
    public QueryResult run(String sql) throws SQLException {
        try (Statement statement = duckdb.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            return QueryResult.read(result);
        }
    }

    @Override
    public void close() throws SQLException {
        duckdb.close();
    }

    /** A SQL string literal; DuckDB cannot bind a parameter where a table function takes its file pattern. */
    public static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
