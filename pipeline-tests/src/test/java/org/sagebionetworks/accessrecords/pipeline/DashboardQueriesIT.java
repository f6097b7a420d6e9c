package org.sagebionetworks.accessrecords.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sagebionetworks.accessrecords.connect.Layout;
import org.sagebionetworks.accessrecords.queries.LocalTable;
import org.sagebionetworks.accessrecords.queries.QueryFiles;
import org.sagebionetworks.accessrecords.queries.QueryFiles.QueryFile;

/**
 * Every dashboard query in {@code queries/}, as Terraform publishes it to Athena, runs in DuckDB over the Parquet
 * the real pipeline wrote in each layout, and answers exactly what {@link DashboardExpectations} computes from the
 * input. In the default layout their record_date filters select partitions, in the other an ordinary column.
 */
@ExtendWith(PipelineRun.class)
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class DashboardQueriesIT {

    /** Failsafe runs in the module's folder; the queries live at the repository root. */
    private static final Path QUERIES = Path.of("..", "queries");

    private static final Map<Layout, LocalTable> TABLES = new EnumMap<>(Layout.class);
    private static DashboardExpectations expectations;

    @BeforeAll
    static void openTheTables() throws Exception {
        PipelineRun.Finished run = PipelineRun.finished();
        for (Layout layout : Layout.values()) {
            TABLES.put(layout, LocalTable.over(run.pipeline().tableDir(layout)));
        }
        expectations = new DashboardExpectations(run.input().rows(), LocalDate.now(ZoneOffset.UTC));
    }

    @AfterAll
    static void closeTheTables() throws Exception {
        for (LocalTable table : TABLES.values()) {
            table.close();
        }
    }

    static Stream<QueryFile> queries() {
        return QueryFiles.in(QUERIES).stream();
    }

    static Stream<Arguments> queriesInEachLayout() {
        return Arrays.stream(Layout.values()).flatMap(layout -> queries().map(query -> Arguments.of(layout, query)));
    }

    @Test
    void theDashboardsAndTheIssuesQueriesAreAllThere() {
        assertThat(queries().map(QueryFile::name))
                .hasSizeGreaterThanOrEqualTo(9)
                .contains("calls-by-client-for-a-month", "slow-endpoints", "top-entities", "unique-users-per-day");
    }

    @ParameterizedTest(name = "{1} in {0}")
    @MethodSource("queriesInEachLayout")
    void answersWhatTheInputSays(Layout layout, QueryFile query) throws Exception {
        List<List<String>> expected = expectations.of(query.name());

        assertThat(expected)
                .as("the input must give " + query.name() + " something to find")
                .isNotEmpty();
        assertThat(TABLES.get(layout).run(query.sql()).textRows())
                .as(query.name() + " in " + layout.fileName())
                .containsExactlyElementsOf(expected);
    }
}
