package org.sagebionetworks.accessrecords.reconcile;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.sagebionetworks.accessrecords.queries.LocalTable;

/**
 * The keys {@code (record_date, session_id, timestamp)} of the archive's valid records and of the table's rows, in a
 * DuckDB database on disk: a day holds millions, which sets compare there without holding them in the heap, spilling
 * to disk where they do not fit in memory.
 */
final class KeyStore implements AutoCloseable {

    private final Connection duckdb;
    private final DuckDBAppender archive;

    KeyStore(Path file) throws SQLException {
        duckdb = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath());
        try (Statement statement = duckdb.createStatement()) {
            statement.execute("SET TimeZone = 'UTC'");
            statement.execute("CREATE TABLE archive_keys (record_date DATE, session_id VARCHAR, ts BIGINT)");
            statement.execute("CREATE TABLE table_keys (record_date DATE, session_id VARCHAR, ts BIGINT)");
        }
        archive = duckdb.unwrap(DuckDBConnection.class).createAppender(DuckDBConnection.DEFAULT_SCHEMA, "archive_keys");
    }

    void addArchiveKey(LocalDate day, String sessionId, long epochMillis) throws SQLException {
        archive.beginRow().append(day).append(sessionId).append(epochMillis).endRow();
    }

    /** The rows of a day's files, under the day of their folder, as Athena's partition key places them. */
    void addTableFiles(LocalDate day, List<Path> files) throws SQLException {
        if (files.isEmpty()) {
            return;
        }
        String list = files.stream()
                .map(file -> LocalTable.literal(file.toAbsolutePath().toString()))
                .collect(Collectors.joining(", ", "[", "]"));
        try (Statement statement = duckdb.createStatement()) {
            statement.execute("INSERT INTO table_keys SELECT DATE '" + day + "', CAST(session_id AS VARCHAR),"
                    + " epoch_ms(\"timestamp\") FROM read_parquet(" + list + ", hive_partitioning = false)");
        }
    }

    /** Ends the archive's keys; the counts and gaps read them after this. */
    void archiveRead() throws SQLException {
        archive.close();
    }

    List<DayCounts> counts(RecordDays days) throws SQLException {
        List<DayCounts> counts = new ArrayList<>();
        try (Statement statement = duckdb.createStatement();
                ResultSet rows = statement.executeQuery(KeyQueries.countsPerDay(days))) {
            while (rows.next()) {
                counts.add(new DayCounts(
                        rows.getObject(1, LocalDate.class),
                        rows.getLong(2),
                        rows.getLong(3),
                        rows.getLong(4),
                        rows.getLong(5),
                        rows.getLong(6),
                        rows.getLong(7)));
            }
        }
        return counts;
    }

    List<Gap> gaps() throws SQLException {
        List<Gap> gaps = new ArrayList<>();
        try (Statement statement = duckdb.createStatement();
                ResultSet rows = statement.executeQuery(KeyQueries.GAPS)) {
            while (rows.next()) {
                gaps.add(
                        new Gap(rows.getObject(1, LocalDate.class), rows.getLong(2), rows.getLong(3), rows.getLong(4)));
            }
        }
        return gaps;
    }

    @Override
    public void close() throws SQLException {
        duckdb.close();
    }
}
