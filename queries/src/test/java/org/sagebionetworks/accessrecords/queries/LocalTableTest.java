package org.sagebionetworks.accessrecords.queries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local table reads every Parquet file below its folder, in UTC, and says so when there is none. */
class LocalTableTest {

    @TempDir
    Path root;

    @Test
    void readsEveryParquetFileBelowTheFolderAsOneTable() throws Exception {
        writeParquet("year=2023/month=11/day=14/a.parquet", "2023-11-14 23:59:59.999", "WEB");
        writeParquet("record_date=2023-11-15/b.parquet", "2023-11-15 00:00:00", "PYTHON");

        try (LocalTable table = LocalTable.over(root)) {
            QueryResult result = table.run("SELECT client, record_date, date_trunc('hour', \"timestamp\") AS bin "
                    + "FROM processedaccessrecord ORDER BY client");

            assertThat(result.columns()).containsExactly("client", "record_date", "bin");
            assertThat(result.textRows())
                    .containsExactly(
                            List.of("PYTHON", "2023-11-15", "2023-11-15T00:00:00Z"),
                            List.of("WEB", "2023-11-14", "2023-11-14T23:00:00Z"));
        }
    }

    @Test
    void anEmptyFolderIsNamedInTheError() {
        assertThatIllegalStateException()
                .isThrownBy(() -> LocalTable.over(root))
                .withMessageContaining(root.toAbsolutePath().toString())
                .withMessageContaining("no Parquet files");
    }

    private void writeParquet(String relative, String timestamp, String client) throws Exception {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = duckdb.createStatement()) {
            statement.execute("SET TimeZone = 'UTC'");
            statement.execute("COPY (SELECT CAST(TIMESTAMPTZ '" + timestamp + "+00' AS TIMESTAMPTZ) AS \"timestamp\", '"
                    + client + "' AS client, CAST(TIMESTAMPTZ '" + timestamp + "+00' AS DATE) AS record_date) TO "
                    + LocalTable.literal(file.toString()) + " (FORMAT parquet)");
        } catch (SQLException e) {
            throw new AssertionError("cannot write the fixture " + file, e);
        }
    }
}
