package org.sagebionetworks.accessrecords.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sagebionetworks.accessrecords.connect.Layout;
import org.sagebionetworks.accessrecords.core.AccessRecordEnricher;
import org.sagebionetworks.accessrecords.core.Outcome.Accepted;
import org.sagebionetworks.accessrecords.local.GlueStyleTable;
import org.sagebionetworks.accessrecords.local.NewStyleTable;
import org.sagebionetworks.accessrecords.queries.LocalTable;
import org.sagebionetworks.accessrecords.queries.QueryFiles;
import org.sagebionetworks.accessrecords.queries.QueryFiles.QueryFile;
import org.sagebionetworks.accessrecords.queries.QueryResult;
import org.sagebionetworks.accessrecords.schema.ProcessedAccessRecord;
import org.sagebionetworks.accessrecords.testing.RawRecords;

/**
 * {@code queries/cutover/history-union-view.sql} on DuckDB, over a Glue-style copy of today's table and a new table
 * that overlap around the cutover T as they do on the day of the switch: the Glue job's table holds everything up
 * to two days after T (it runs until it is stopped) and keeps producer retries (nothing deduplicates there); the
 * new table holds its shadow run, from five days before T, deduplicated. Every dashboard query over the view must
 * give the answer computed in Java from the Glue job's rows before T and the new table's rows from T on: a
 * retry kept before T counts twice, one after T once, a row at T exactly once.
 */
class HistoryUnionViewTest {

    private static final Path VIEW = Path.of("..", "queries", "cutover", "history-union-view.sql");
    private static final Path DASHBOARDS = Path.of("..", "queries");
    /** T as the file spells it; the test puts its own T in its place. */
    private static final String SAMPLE_CUTOVER = "2026-12-01 00:00:00.000";

    private static final DateTimeFormatter ATHENA_TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    private final Instant now = Instant.now();
    private final LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    private final Instant cutover =
            today.minusDays(5).atStartOfDay(ZoneOffset.UTC).toInstant().plus(Duration.ofMinutes(13 * 60 + 37));

    @TempDir
    Path folder;

    private Connection duckdb;

    @AfterEach
    void close() throws Exception {
        if (duckdb != null) {
            duckdb.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Layout.class)
    void theDashboardsOverTheViewCountEachRequestOnceFromTheRightTable(Layout layout) throws Exception {
        List<ProcessedAccessRecord> rows = new ArrayList<>(new PipelineInput(now).rows());
        rows.addAll(aroundTheCutover(false));
        List<ProcessedAccessRecord> glueRows = new ArrayList<>(rows);
        glueRows.addAll(aroundTheCutover(true));
        List<ProcessedAccessRecord> glueTable = before(glueRows, cutover.plus(Duration.ofDays(2)));
        List<ProcessedAccessRecord> newTable = from(rows, cutover.minus(Duration.ofDays(5)));
        GlueStyleTable.write(folder.resolve("glue"), glueTable);
        NewStyleTable.write(folder.resolve("new"), layout, newTable);
        openTheView();

        List<ProcessedAccessRecord> served = new ArrayList<>(before(glueTable, cutover));
        served.addAll(from(newTable, cutover));
        DashboardExpectations expected = new DashboardExpectations(served, today);
        for (QueryFile query : QueryFiles.in(DASHBOARDS)) {
            assertThat(query(query.sql()).textRows())
                    .as(query.name())
                    .containsExactlyElementsOf(expected.of(query.name()));
        }
    }

    /**
     * Rows an hour before T, at T and an hour after; with {@code retries}, the copies a producer retry leaves in
     * the Glue job's table of the rows before and after T.
     */
    private List<ProcessedAccessRecord> aroundTheCutover(boolean retries) {
        List<String> lines = new ArrayList<>();
        lines.add(line("retried-before-cutover", cutover.minus(Duration.ofHours(1))));
        lines.add(line("retried-after-cutover", cutover.plus(Duration.ofHours(1))));
        if (!retries) {
            lines.add(line("at-cutover", cutover));
        }
        AccessRecordEnricher core = new AccessRecordEnricher();
        return lines.stream()
                .map(line -> core.enrich(line.getBytes(StandardCharsets.UTF_8)))
                .map(outcome -> ((Accepted<ProcessedAccessRecord>) outcome).value())
                .toList();
    }

    private static String line(String sessionId, Instant time) {
        return RawRecords.example()
                .sessionId(sessionId)
                .timestamp(time.toEpochMilli())
                .json();
    }

    /** The Glue-style and new-style copies as Athena's tables, and the view over them as the file defines it. */
    private void openTheView() throws Exception {
        duckdb = DriverManager.getConnection("jdbc:duckdb:");
        execute("SET TimeZone = 'UTC'");
        execute("CREATE SCHEMA datawarehouse");
        execute("CREATE VIEW datawarehouse.processedaccessrecord AS SELECT * FROM read_parquet("
                + LocalTable.literal(folder.resolve("glue") + "/*/*.parquet")
                + ", hive_partitioning = true, hive_types = {'record_date': 'DATE'})");
        execute("CREATE VIEW processedaccessrecord_v1 AS SELECT * FROM read_parquet("
                + LocalTable.literal(folder.resolve("new") + "/**/*.parquet") + ", hive_partitioning = false)");
        String view = Files.readString(VIEW);
        assertThat(view).contains(SAMPLE_CUTOVER);
        execute(view.replace(
                SAMPLE_CUTOVER, ATHENA_TIMESTAMP.format(LocalDateTime.ofInstant(cutover, ZoneOffset.UTC))));
    }

    private static List<ProcessedAccessRecord> before(List<ProcessedAccessRecord> rows, Instant time) {
        return rows.stream().filter(row -> row.getTimestamp().isBefore(time)).toList();
    }

    private static List<ProcessedAccessRecord> from(List<ProcessedAccessRecord> rows, Instant time) {
        return rows.stream().filter(row -> !row.getTimestamp().isBefore(time)).toList();
    }

    private QueryResult query(String sql) throws Exception {
        try (Statement statement = duckdb.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            return QueryResult.read(result);
        }
    }

    private void execute(String sql) throws Exception {
        try (Statement statement = duckdb.createStatement()) {
            statement.execute(sql);
        }
    }
}
