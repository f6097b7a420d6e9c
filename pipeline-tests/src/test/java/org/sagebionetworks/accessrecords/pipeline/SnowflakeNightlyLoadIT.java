package org.sagebionetworks.accessrecords.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sagebionetworks.accessrecords.queries.LocalTable;
import org.sagebionetworks.accessrecords.queries.QueryResult;

/**
 * Today's Snowflake load, unchanged, pointed at the bucket after the end-to-end run: a stage on the folder that
 * holds {@code processedaccessrecord/} (the serving sink's {@code topics.dir}). Every key the pipeline wrote is
 * offered to it, the version's own files included, and what it loads must be the serving window's rows, each
 * once, each with the {@code record_date} of its UTC day.
 */
@ExtendWith(PipelineRun.class)
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class SnowflakeNightlyLoadIT {

    private static PipelineRun.Finished run;
    private static List<String> stagePaths;

    @BeforeAll
    static void listTheStage() throws IOException {
        run = PipelineRun.finished();
        Path stage = run.pipeline().bucketDir().resolve(Pipeline.WAREHOUSE_DIR);
        stagePaths = keysBelow(run.pipeline().bucketDir()).stream()
                .filter(key -> key.startsWith(Pipeline.WAREHOUSE_DIR + "/"))
                .map(key -> key.substring(Pipeline.WAREHOUSE_DIR.length() + 1))
                .toList();
        assertThat(stage).isDirectory();
    }

    @Test
    void theLoadSelectsEveryServingFileAndNoOtherKeyThePipelineWrote() throws IOException {
        List<String> serving = run.pipeline().servingFiles().stream()
                .map(SnowflakeNightlyLoadIT::pathBelowStage)
                .toList();
        List<String> versionKeys = keysBelow(run.pipeline().bucketDir()).stream()
                .filter(key -> !key.startsWith(Pipeline.WAREHOUSE_DIR + "/"))
                .toList();

        assertThat(serving).hasSize(run.input().served().size());
        assertThat(stagePaths.stream().filter(SnowflakeNightlyLoad::loads))
                .containsExactlyInAnyOrderElementsOf(serving);
        assertThat(versionKeys)
                .as("a version's own files, wherever a stage were put, never look like the loaded folder")
                .isNotEmpty()
                .noneMatch(key -> SnowflakeNightlyLoad.PATTERN.matcher(key).matches());
    }

    @Test
    void everyLoadedRowGetsTheRecordDateOfItsUtcDayFromItsPath() throws Exception {
        int rows = 0;
        try (LocalTable duck = LocalTable.over(run.pipeline().servingTableDir())) {
            for (String path : loaded()) {
                String recordDate = SnowflakeNightlyLoad.recordDate(path).orElseThrow();
                for (List<String> row : rowsOf(duck, path).textRows()) {
                    assertThat(utcDay(Long.parseLong(row.get(1))))
                            .as(path + " " + row.get(0))
                            .isEqualTo(recordDate);
                    rows++;
                }
            }
        }
        assertThat(rows).isEqualTo(run.input().served().size());
    }

    @Test
    void theLoadedRowsAreTheServingWindowsEachOnceNoneMissing() throws Exception {
        List<String> loadedRows = new ArrayList<>();
        try (LocalTable duck = LocalTable.over(run.pipeline().servingTableDir())) {
            for (String path : loaded()) {
                rowsOf(duck, path).textRows().forEach(row -> loadedRows.add(row.get(0) + "@" + row.get(1)));
            }
        }
        List<String> expected = run.input().served().stream()
                .map(row -> row.getSessionId() + "@" + row.getTimestamp().toEpochMilli())
                .toList();

        assertThat(expected).contains(PipelineInput.FIRST_MILLI_OF_DAY + "@" + Pipeline.SERVING_FROM.toEpochMilli());
        assertThat(loadedRows).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(loadedRows).noneMatch(row -> row.startsWith(PipelineInput.LAST_MILLI_OF_DAY + "@"));
    }

    private static List<String> loaded() {
        return stagePaths.stream().filter(SnowflakeNightlyLoad::loads).toList();
    }

    private static QueryResult rowsOf(LocalTable duck, String path) throws Exception {
        Path file = run.pipeline().bucketDir().resolve(Pipeline.WAREHOUSE_DIR).resolve(path);
        return duck.run("SELECT session_id, epoch_ms(\"timestamp\") FROM read_parquet('" + file
                + "', hive_partitioning = false)");
    }

    private static String pathBelowStage(Path file) {
        return run.pipeline()
                .bucketDir()
                .resolve(Pipeline.WAREHOUSE_DIR)
                .relativize(file)
                .toString();
    }

    private static String utcDay(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis)
                .atZone(ZoneOffset.UTC)
                .toLocalDate()
                .toString();
    }

    private static List<String> keysBelow(Path bucket) throws IOException {
        try (Stream<Path> files = Files.walk(bucket)) {
            return files.filter(Files::isRegularFile)
                    .map(file -> bucket.relativize(file).toString())
                    .toList();
        }
    }
}
