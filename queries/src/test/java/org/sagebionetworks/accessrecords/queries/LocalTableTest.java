package org.sagebionetworks.accessrecords.queries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local table reads every Parquet file below its folder, in UTC, with the folders' partition keys read as
 * Athena reads them, and says so when there is no file.
 */
class LocalTableTest {

    private static final String RECORD_DATE_TYPE = "SELECT DISTINCT typeof(record_date) FROM processedaccessrecord";

    @TempDir
    Path root;

    @Test
    void readsEveryParquetFileBelowTheFolderAsOneTable() throws Exception {
        writeParquet("record_date=2023-11-14/a.parquet", "2023-11-14 23:59:59.999", "WEB");
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

    /**
     * Athena's table has record_date only as its partition key, so it takes the value from the folder and never
     * reads the file's column of that name. The sink writes both alike; a file whose column disagrees with its
     * folder shows which one the table answers with.
     */
    @Test
    void aRecordDateFolderGivesItsRowsTheirRecordDateAsADateAsInAthena() throws Exception {
        writeParquet("record_date=2023-11-14/a.parquet", "2023-11-14 12:00:00", "WEB");
        writeParquet("record_date=2023-11-15/b.parquet", "2023-11-14 13:00:00", "PYTHON");

        try (LocalTable table = LocalTable.over(root)) {
            QueryResult result = table.run(
                    "SELECT client, record_date FROM processedaccessrecord WHERE record_date = DATE '2023-11-15'");

            assertThat(result.rows()).containsExactly(List.of("PYTHON", LocalDate.of(2023, 11, 15)));
            assertThat(table.run(RECORD_DATE_TYPE).textRows()).containsExactly(List.of("DATE"));
        }
    }

    /** Spark's partitionBy, which wrote today's table, leaves the partition column out of the files. */
    @Test
    void aFileWithoutTheRecordDateColumnTakesItFromItsFolder() throws Exception {
        writeParquetWithout("record_date", "record_date=2023-11-15/part-00000.snappy.parquet", "2023-11-15 08:00:00");

        try (LocalTable table = LocalTable.over(root)) {
            assertThat(table.run("SELECT client, record_date FROM processedaccessrecord WHERE record_date = "
                                    + "DATE '2023-11-15'")
                            .rows())
                    .containsExactly(List.of("WEB", LocalDate.of(2023, 11, 15)));
            assertThat(table.run(RECORD_DATE_TYPE).textRows()).containsExactly(List.of("DATE"));
        }
    }

    /** With year-month-day, record_date is the file's column and year, month, day are text, as Glue types them. */
    @Test
    void inYearMonthDayFoldersRecordDateIsTheFilesColumnBesideTheTextPartitionKeys() throws Exception {
        writeParquet("year=2023/month=11/day=14/a.parquet", "2023-11-14 23:59:59.999", "WEB");
        writeParquet("year=2023/month=11/day=15/b.parquet", "2023-11-15 00:00:00", "PYTHON");

        try (LocalTable table = LocalTable.over(root)) {
            QueryResult result = table.run("SELECT client, record_date, year, month, day, typeof(day) "
                    + "FROM processedaccessrecord WHERE record_date = DATE '2023-11-14'");

            assertThat(result.rows())
                    .containsExactly(List.of("WEB", LocalDate.of(2023, 11, 14), "2023", "11", "14", "VARCHAR"));
            assertThat(table.run(RECORD_DATE_TYPE).textRows()).containsExactly(List.of("DATE"));
        }
    }

    @Test
    void aFolderMixingTwoLayoutsIsRefusedNamingAFileOfEach() throws Exception {
        writeParquet("year=2023/month=11/day=14/a.parquet", "2023-11-14 12:00:00", "WEB");
        writeParquet("record_date=2023-11-15/b.parquet", "2023-11-15 12:00:00", "PYTHON");

        assertThatThrownBy(() -> LocalTable.over(root).close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("a.parquet")
                .hasMessageContaining("b.parquet");
    }

    @Test
    void anEmptyFolderIsNamedInTheError() {
        assertThatIllegalStateException()
                .isThrownBy(() -> LocalTable.over(root))
                .withMessageContaining(root.toAbsolutePath().toString())
                .withMessageContaining("no Parquet files");
    }

    /** A row as the sink writes it: the record's UTC day in the file's record_date column. */
    private void writeParquet(String relative, String timestamp, String client) {
        write(
                relative,
                "SELECT CAST(TIMESTAMPTZ '" + timestamp + "+00' AS TIMESTAMPTZ) AS \"timestamp\", '" + client
                        + "' AS client, CAST(TIMESTAMPTZ '" + timestamp + "+00' AS DATE) AS record_date");
    }

    private void writeParquetWithout(String column, String relative, String timestamp) {
        write(
                relative,
                "SELECT * EXCLUDE (" + column + ") FROM (SELECT CAST(TIMESTAMPTZ '" + timestamp
                        + "+00' AS TIMESTAMPTZ) AS \"timestamp\", 'WEB' AS client, DATE '2023-11-15' AS record_date)");
    }

    private void write(String relative, String select) {
        Path file = root.resolve(relative);
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = duckdb.createStatement()) {
            Files.createDirectories(file.getParent());
            statement.execute("SET TimeZone = 'UTC'");
            statement.execute("COPY (" + select + ") TO " + LocalTable.literal(file.toString()) + " (FORMAT parquet)");
        } catch (Exception e) {
            throw new AssertionError("cannot write the fixture " + file, e);
        }
    }
}
