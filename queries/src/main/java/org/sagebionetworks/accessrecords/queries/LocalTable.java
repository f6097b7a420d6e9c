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
 *
 * <p>Folder names are read as Athena reads partition keys: {@code key=value} gives every row below it the column
 * {@code key}, and where a file has a column of that name too (the sink's {@code record_date}) the folder's value
 * wins, because Athena's table has the key only as a partition key and never reads the file's column. The keys are
 * text, as Glue types {@code year}, {@code month} and {@code day}; {@code record_date} is a date either way. All
 * files of a table share one layout: DuckDB refuses a folder that mixes two.
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
            statement.execute("CREATE VIEW " + SharedNames.VIEW
                    + " AS SELECT * REPLACE (CAST(record_date AS DATE) AS record_date) FROM read_parquet("
                    + literal(root.toAbsolutePath() + "/**/*.parquet")
                    + ", hive_partitioning = true, hive_types_autocast = false)");
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
