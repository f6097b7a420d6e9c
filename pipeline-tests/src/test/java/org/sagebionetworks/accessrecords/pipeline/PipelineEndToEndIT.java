package org.sagebionetworks.accessrecords.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sagebionetworks.accessrecords.connect.Layout;
import org.sagebionetworks.accessrecords.queries.LocalTable;
import org.sagebionetworks.accessrecords.queries.QueryResult;
import org.sagebionetworks.accessrecords.schema.AccessRecordContract;
import org.sagebionetworks.accessrecords.schema.ProcessedAccessRecord;

/**
 * Raw records with duplicates, bad lines and days' edges go in at the raw topic; Parquet comes out in S3, one
 * row per unique valid record, in the folder of the row's UTC day, with the column types the table expects.
 */
@ExtendWith(PipelineRun.class)
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class PipelineEndToEndIT {

    private static PipelineRun.Finished run;
    private static LocalTable table;

    @BeforeAll
    static void openTheTable() throws Exception {
        run = PipelineRun.finished();
        table = LocalTable.over(run.pipeline().tableDir(Layout.DEFAULT));
    }

    @AfterAll
    static void closeTheTable() throws Exception {
        if (table != null) {
            table.close();
        }
    }

    @Test
    void theInputHasWhatTheTestClaims() {
        assertThat(run.input().lines)
                .hasSize(run.input().expected.size() + run.input().retried + PipelineInput.BROKEN_LINES);
    }

    @ParameterizedTest
    @EnumSource(Layout.class)
    void everyUniqueValidRecordIsExactlyOneRowInEitherLayout(Layout layout) throws Exception {
        try (LocalTable written = LocalTable.over(run.pipeline().tableDir(layout))) {
            assertThat(single(written, "SELECT count(*) FROM processedaccessrecord"))
                    .isEqualTo(String.valueOf(run.input().expected.size()));
            assertThat(single(written, "SELECT count(DISTINCT session_id) FROM processedaccessrecord"))
                    .isEqualTo(String.valueOf(run.input().expected.size()));
        }
    }

    /** In record-date, the table's record_date comes from the folder, as in Athena; in year-month-day, the file. */
    @ParameterizedTest
    @EnumSource(Layout.class)
    void everyColumnOfEveryRowIsWhatTheEnrichmentCoreMakesOfItsRecord(Layout layout) throws Exception {
        List<String> columns = AccessRecordContract.processed().getFields().stream()
                .map(Schema.Field::name)
                .toList();
        QueryResult rows;
        try (LocalTable written = LocalTable.over(run.pipeline().tableDir(layout))) {
            rows = written.run("SELECT "
                    + String.join(
                            ", ",
                            columns.stream()
                                    .map(name ->
                                            name.equals("timestamp") ? "epoch_ms(\"timestamp\")" : '"' + name + '"')
                                    .toList())
                    + " FROM processedaccessrecord");
        }

        assertThat(rows.textRows()).hasSize(run.input().expected.size()).allSatisfy(row -> {
            ProcessedAccessRecord expected = run.input().expected.get(row.get(0));
            assertThat(expected).as(row.get(0)).isNotNull();
            assertThat(row)
                    .as(row.get(0))
                    .containsExactlyElementsOf(columns.stream()
                            .map(name -> text(expected.get(name)))
                            .toList());
        });
    }

    @ParameterizedTest
    @EnumSource(Layout.class)
    void eachRowLiesInTheFolderOfItsUtcDayIncludingBothSidesOfMidnight(Layout layout) throws Exception {
        Pattern folder = Pattern.compile(
                layout == Layout.YEAR_MONTH_DAY
                        ? ".*/year=(\\d{4})/month=(\\d{2})/day=(\\d{2})/[^/]+$"
                        : ".*/record_date=(\\d{4})-(\\d{2})-(\\d{2})/[^/]+$");
        String glob = run.pipeline().tableDir(layout) + "/**/*.parquet";
        QueryResult rows = table.run("SELECT session_id, record_date, filename FROM read_parquet(" + "'" + glob
                + "', filename = true, hive_partitioning = false)");

        Map<String, String> dayBySession = new HashMap<>();
        rows.textRows().forEach(row -> {
            var match = folder.matcher(row.get(2));
            assertThat(match.matches()).as(row.get(2)).isTrue();
            String day = match.group(1) + "-" + match.group(2) + "-" + match.group(3);
            assertThat(day).as(row.get(0)).isEqualTo(row.get(1));
            dayBySession.put(row.get(0), day);
        });
        assertThat(dayBySession)
                .containsEntry(PipelineInput.LAST_MILLI_OF_DAY, "2023-11-14")
                .containsEntry(PipelineInput.FIRST_MILLI_OF_DAY, "2023-11-15");
        assertThat(dayBySession.values().stream().distinct().count()).isGreaterThan(20);
    }

    @ParameterizedTest
    @EnumSource(Layout.class)
    void objectKeysAreConfluentsKeys(Layout layout) throws Exception {
        String topic = Pattern.quote(Pipeline.PROCESSED);
        String pattern = Pattern.quote(Pipeline.topicsDir(layout)) + "/" + topic + "/"
                + (layout == Layout.YEAR_MONTH_DAY
                        ? "year=\\d{4}/month=\\d{2}/day=\\d{2}"
                        : "record_date=\\d{4}-\\d{2}-\\d{2}")
                + "/" + topic + "\\+[01]\\+\\d{10}\\.snappy\\.parquet";
        List<Path> files = run.pipeline().parquetFiles(layout);

        assertThat(files)
                .isNotEmpty()
                .allSatisfy(file -> assertThat(
                                run.pipeline().bucketDir().relativize(file).toString())
                        .matches(pattern));
    }

    @Test
    void parquetColumnsHaveTheTypesTheTableExpects() throws Exception {
        String file = run.pipeline().parquetFiles(Layout.DEFAULT).get(0).toString();
        Map<String, String> types = new HashMap<>();
        table.run("SELECT name, type, converted_type, logical_type FROM parquet_schema('" + file + "')")
                .textRows()
                .forEach(column -> types.put(column.get(0), column.get(1) + " " + column.get(2) + " " + column.get(3)));

        assertThat(types.get("timestamp")).startsWith("INT64 TIMESTAMP_MILLIS").contains("isAdjustedToUTC=1");
        assertThat(types.get("record_date")).startsWith("INT32 DATE");
        assertThat(types.get("user_id")).startsWith("INT64");
        assertThat(types.get("entity_id")).startsWith("INT64");
        assertThat(types.get("success")).startsWith("BOOLEAN");
        assertThat(types.get("session_id")).startsWith("BYTE_ARRAY UTF8");
        assertThat(types.get("normalized_method_signature")).startsWith("BYTE_ARRAY UTF8");
    }

    private static String single(LocalTable on, String sql) throws Exception {
        return on.run(sql).textRows().get(0).get(0);
    }

    /** A row's value as the table shows it: epoch milliseconds for the timestamp, ISO for the date. */
    private static String text(Object value) {
        if (value instanceof Instant moment) {
            return String.valueOf(moment.toEpochMilli());
        }
        return value == null ? null : value.toString();
    }
}
