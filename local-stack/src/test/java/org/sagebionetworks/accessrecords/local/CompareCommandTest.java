package org.sagebionetworks.accessrecords.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sagebionetworks.accessrecords.connect.Layout;
import org.sagebionetworks.accessrecords.schema.AccessRecordContract;
import org.sagebionetworks.accessrecords.schema.ProcessedAccessRecord;
import org.sagebionetworks.accessrecords.testing.SyntheticTraffic;
import org.sagebionetworks.accessrecords.testsupport.ExpectedTable;
import picocli.CommandLine;

/**
 * {@code local-stack compare} on a Glue-style copy of today's table (Spark's encoding, {@code record_date} only in
 * the folder names) and a new-style copy (the sink's encoding and layout) of the same synthetic rows, with
 * differences planted: a row missing on each side, a changed {@code client}, a changed {@code entity_id}, and a
 * day the Glue job never wrote. The report must name exactly those, and nothing else.
 */
class CompareCommandTest {

    private static final LocalDate FIRST = LocalDate.of(2024, 3, 1);
    private static final LocalDate LAST = FIRST.plusDays(3);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The first switch's T in the gap fill tests: the third day's midnight. */
    private static final Instant CUTOVER =
            FIRST.plusDays(2).atStartOfDay(ZoneOffset.UTC).toInstant();

    @TempDir
    Path folder;

    private final List<ProcessedAccessRecord> rows = rowsOfFourDays();

    record Run(int exitCode, String stdout, String stderr) {}

    @Test
    void reportsExactlyThePlantedDifferences() throws Exception {
        Planted planted = new Planted(rows);
        GlueStyleTable.write(glue(), planted.glueRows());
        NewStyleTable.write(fresh(), Layout.RECORD_DATE, planted.newRows());

        Run run = compare("record-date", "--format", "JSON", "--examples", "1000");
        JsonNode report = JSON.readTree(run.stdout());

        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(1);
        assertThat(report.get("equal").asBoolean()).isFalse();
        assertThat(daysOf(report)).isEqualTo(planted.expectedDays());
        assertThat(keysOf(report.get("only_in_glue"))).containsExactly(key(planted.missingFromNew));
        assertThat(keysOf(report.get("only_in_new"))).containsExactlyInAnyOrderElementsOf(planted.expectedOnlyInNew());
        assertThat(report.get("only_in_new").get("rows").asLong())
                .isEqualTo(planted.expectedOnlyInNew().size());
        assertThat(mismatchCounts(report))
                .containsEntry("client", 1L)
                .containsEntry("entity_id", 1L)
                .allSatisfy((column, count) -> {
                    if (!Set.of("client", "entity_id").contains(column)) {
                        assertThat(count).as(column).isZero();
                    }
                })
                .containsKeys("normalized_method_signature", "client_version", "record_date", "instance", "user_id")
                .hasSize(25);
        assertThat(example(report, "client"))
                .isEqualTo(List.of(key(planted.changedClient), planted.changedClient.getClient(), planted.newClient()));
        assertThat(example(report, "entity_id"))
                .isEqualTo(List.of(
                        key(planted.changedEntity),
                        String.valueOf(planted.changedEntity.getEntityId()),
                        String.valueOf(planted.newEntityId())));
    }

    @Test
    void theTableNamesEachDifferenceForPeople() throws Exception {
        Planted planted = new Planted(rows);
        GlueStyleTable.write(glue(), planted.glueRows());
        NewStyleTable.write(fresh(), Layout.RECORD_DATE, planted.newRows());

        Run run = compare("record-date");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stdout())
                .containsPattern("only in the Glue job's table\\s+" + planted.missingFromNew.getRecordDate() + "\\s+"
                        + planted.missingFromNew.getSessionId())
                .containsPattern("(?m)^client\\s+derived\\s+1$")
                .containsPattern("(?m)^entity_id\\s+derived\\s+1$")
                .containsPattern("(?m)^user_agent\\s+copied\\s+0$")
                .containsPattern("(?m)^" + LAST + "\\s+0\\s+\\d+\\s+\\d+$")
                .contains(planted.changedClient.getSessionId())
                .containsPattern("(?m)^DIFFERENT: ");
    }

    @ParameterizedTest
    @EnumSource(Layout.class)
    void theSameRowsInEitherLayoutAreEqual(Layout layout) throws Exception {
        GlueStyleTable.write(glue(), rows);
        NewStyleTable.write(fresh(), layout, rows);

        Run run = compare(layout.fileName());

        assertThat(run.exitCode()).as(run.stdout() + run.stderr()).isZero();
        assertThat(run.stdout()).containsPattern("(?m)^EQUAL: " + rows.size() + " rows");
    }

    @Test
    void aRetryTheGlueJobKeptTwiceIsTheSecondCopyOfItsKey() throws Exception {
        ProcessedAccessRecord retried = rows.get(10);
        List<ProcessedAccessRecord> withRetry = new ArrayList<>(rows);
        withRetry.add(retried);
        GlueStyleTable.write(glue(), withRetry);
        NewStyleTable.write(fresh(), Layout.RECORD_DATE, rows);

        JsonNode report =
                JSON.readTree(compare("record-date", "--format", "JSON").stdout());

        JsonNode onlyInGlue = report.get("only_in_glue");
        assertThat(onlyInGlue.get("rows").asLong()).isOne();
        assertThat(onlyInGlue.get("examples").get(0).get("session_id").asText()).isEqualTo(retried.getSessionId());
        assertThat(onlyInGlue.get("examples").get(0).get("copy").asLong()).isEqualTo(2);
        assertThat(report.get("only_in_new").get("rows").asLong()).isZero();
    }

    @Test
    void badInputExitsWithTwoAndSaysWhy() throws Exception {
        GlueStyleTable.write(glue(), rows);
        NewStyleTable.write(fresh(), Layout.RECORD_DATE, rows);

        Run missingFolder = compareOver(folder.resolve("nowhere"), "record-date", FIRST, LAST);
        Run backwards = compareOver(glue(), "record-date", LAST, FIRST);
        Run noFiles = compareOver(glue(), "record-date", LocalDate.of(2020, 1, 1), LocalDate.of(2020, 1, 2));
        Run noLayout = compareOver(glue(), null, FIRST, LAST);
        Run unknownLayout = compareOver(glue(), "daily", FIRST, LAST);
        Run wrongLayout = compareOver(glue(), "year-month-day", FIRST, LAST);

        assertThat(missingFolder.exitCode()).isEqualTo(2);
        assertThat(missingFolder.stderr()).contains("nowhere").contains("not a folder");
        assertThat(backwards.exitCode()).isEqualTo(2);
        assertThat(backwards.stderr()).contains("--from " + LAST + " is after --to " + FIRST);
        assertThat(noFiles.exitCode()).isEqualTo(2);
        assertThat(noFiles.stderr()).contains("no Parquet files").contains("2020-01-01");
        assertThat(noLayout.exitCode()).isEqualTo(2);
        assertThat(noLayout.stderr()).contains("--layout");
        assertThat(unknownLayout.exitCode()).isEqualTo(2);
        assertThat(unknownLayout.stderr()).contains("daily");
        assertThat(wrongLayout.exitCode())
                .as("a side without files says so rather than differ")
                .isEqualTo(2);
        assertThat(wrongLayout.stderr()).contains("no Parquet files").contains("year=2024/month=03/day=01");
    }

    @Test
    void theGapFillWritesExactlyTheRowsBeforeTheCutoverTheGlueJobNeverSaw() throws Exception {
        GapPlanted planted = new GapPlanted(rows);
        GlueStyleTable.write(glue(), planted.glueRows());
        NewStyleTable.write(fresh(), Layout.RECORD_DATE, rows);
        Path gap = folder.resolve("gap");

        Run run = gapFill(gap);

        assertThat(run.exitCode()).as(run.stdout() + run.stderr()).isZero();
        assertThat(GapFillFiles.keysByFolder(gap)).isEqualTo(planted.expectedGapByFolder());
        assertThat(run.stdout())
                .containsPattern("(?m)^" + FIRST + "\\s+1$")
                .containsPattern("(?m)^" + FIRST.plusDays(1) + "\\s+" + planted.lateOnSecondDay.size() + "$");
        assertThat(GapFillFiles.fileNames(gap))
                .allMatch(name -> name.equals("gap-fill-before-20240303T000000Z.snappy.parquet"));
        assertThat(GapFillFiles.columnTypes(gap))
                .containsEntry("timestamp", "INT64 TIMESTAMP_MILLIS isAdjustedToUTC=1")
                .containsEntry("record_date", "INT32 DATE")
                .containsEntry("session_id", "BYTE_ARRAY UTF8")
                .containsEntry("user_id", "INT64")
                .containsEntry("success", "BOOLEAN");
        assertThat(GapFillFiles.columnNames(gap)).isEqualTo(contractColumns());
    }

    @Test
    void theGlueRowsBeforeTheCutoverTheGapFillAndTheServingFeedHoldEveryKeyOnce() throws Exception {
        GapPlanted planted = new GapPlanted(rows);
        GlueStyleTable.write(glue(), planted.glueRows());
        NewStyleTable.write(fresh(), Layout.RECORD_DATE, rows);
        Path serving = folder.resolve("serving");
        GlueStyleTable.write(serving, planted.glueRows());
        NewStyleTable.write(serving, Layout.RECORD_DATE, planted.fromCutover());
        Path gap = folder.resolve("gap");

        assertThat(gapFill(gap).exitCode()).isZero();
        GapFillFiles.copyInto(gap, serving);

        Map<List<String>, Long> copies = GapFillFiles.copiesByKey(serving);
        assertThat(copies.keySet())
                .containsExactlyInAnyOrderElementsOf(
                        rows.stream().map(CompareCommandTest::key).toList());
        assertThat(copies)
                .as("only the retry the Glue job itself kept twice, as today's table has it")
                .allSatisfy((key, count) ->
                        assertThat(count).as(key.toString()).isEqualTo(key.equals(key(planted.retried)) ? 2L : 1L));
    }

    @Test
    void theGapFillRefusesWhatWouldMisplaceRows() throws Exception {
        GlueStyleTable.write(glue(), rows);
        NewStyleTable.write(fresh(), Layout.RECORD_DATE, rows);
        Path used = folder.resolve("used");
        Files.createDirectories(used.resolve("record_date=2024-03-01"));

        Run notMidnight = compare(
                "record-date", "--gap-fill", folder.resolve("a").toString(), "--before", "2024-03-03T06:00:00Z");
        Run withoutBefore =
                compare("record-date", "--gap-fill", folder.resolve("b").toString());
        Run notEmpty = compare("record-date", "--gap-fill", used.toString(), "--before", CUTOVER.toString());

        assertThat(notMidnight.exitCode()).isEqualTo(2);
        assertThat(notMidnight.stderr()).contains("not a UTC midnight");
        assertThat(withoutBefore.exitCode()).isEqualTo(2);
        assertThat(withoutBefore.stderr()).contains("--before");
        assertThat(notEmpty.exitCode()).isEqualTo(2);
        assertThat(notEmpty.stderr()).contains(used.toString()).contains("not empty");
    }

    /**
     * The first switch: the Glue job's last run started at 18:00 on the second day, so it lacks that day's later
     * rows and everything from the cutover on; it also lost one row of the first day and kept a retry twice.
     */
    private static final class GapPlanted {

        final List<ProcessedAccessRecord> all;
        final ProcessedAccessRecord lostOnFirstDay;
        final List<ProcessedAccessRecord> lateOnSecondDay;
        final ProcessedAccessRecord retried;

        GapPlanted(List<ProcessedAccessRecord> all) {
            this.all = all;
            List<ProcessedAccessRecord> firstDay = all.stream()
                    .filter(row -> row.getRecordDate().equals(FIRST))
                    .toList();
            lostOnFirstDay = firstDay.get(firstDay.size() / 2);
            retried = firstDay.get(1);
            Instant lastRun = FIRST.plusDays(1).atTime(18, 0).toInstant(ZoneOffset.UTC);
            lateOnSecondDay = all.stream()
                    .filter(row -> !row.getTimestamp().isBefore(lastRun)
                            && row.getTimestamp().isBefore(CUTOVER))
                    .toList();
        }

        List<ProcessedAccessRecord> glueRows() {
            List<ProcessedAccessRecord> glue = new ArrayList<>(all.stream()
                    .filter(row -> row.getTimestamp().isBefore(CUTOVER)
                            && row != lostOnFirstDay
                            && !lateOnSecondDay.contains(row))
                    .toList());
            glue.add(retried);
            return glue;
        }

        List<ProcessedAccessRecord> fromCutover() {
            return all.stream()
                    .filter(row -> !row.getTimestamp().isBefore(CUTOVER))
                    .toList();
        }

        Map<String, Set<List<String>>> expectedGapByFolder() {
            Map<String, Set<List<String>>> folders = new TreeMap<>();
            List<ProcessedAccessRecord> gap = new ArrayList<>(lateOnSecondDay);
            gap.add(lostOnFirstDay);
            gap.forEach(row -> folders.computeIfAbsent("record_date=" + row.getRecordDate(), day -> new HashSet<>())
                    .add(key(row)));
            return folders;
        }
    }

    private static List<String> contractColumns() {
        return AccessRecordContract.processed().getFields().stream()
                .map(Schema.Field::name)
                .toList();
    }

    private Run gapFill(Path gap) {
        return compareOver(
                glue(), "record-date", FIRST, LAST, "--gap-fill", gap.toString(), "--before", CUTOVER.toString());
    }

    /** The rows the differences are planted in, and the report they must give. */
    private static final class Planted {

        final List<ProcessedAccessRecord> all;
        final ProcessedAccessRecord missingFromNew;
        final ProcessedAccessRecord missingFromGlue;
        final ProcessedAccessRecord changedClient;
        final ProcessedAccessRecord changedEntity;

        Planted(List<ProcessedAccessRecord> all) {
            this.all = all;
            missingFromNew = middleOf(FIRST);
            missingFromGlue = middleOf(FIRST.plusDays(1));
            changedClient = firstOf(FIRST.plusDays(1));
            changedEntity = firstOf(FIRST.plusDays(2));
        }

        /** Days 1 to 3; the Glue job failed on day 4. */
        List<ProcessedAccessRecord> glueRows() {
            return all.stream()
                    .filter(row -> row != missingFromGlue && row.getRecordDate().isBefore(LAST))
                    .toList();
        }

        List<ProcessedAccessRecord> newRows() {
            return all.stream()
                    .filter(row -> row != missingFromNew)
                    .map(this::asTheNewTableHasIt)
                    .toList();
        }

        String newClient() {
            return changedClient.getClient().equals("R") ? "JAVA" : "R";
        }

        long newEntityId() {
            return changedEntity.getEntityId() == null ? 42L : changedEntity.getEntityId() + 1;
        }

        Map<String, List<Long>> expectedDays() {
            Map<String, List<Long>> days = new TreeMap<>();
            for (LocalDate day = FIRST; !day.isAfter(LAST); day = day.plusDays(1)) {
                LocalDate on = day;
                long glue = glueRows().stream()
                        .filter(row -> row.getRecordDate().equals(on))
                        .count();
                long fresh = newRows().stream()
                        .filter(row -> row.getRecordDate().equals(on))
                        .count();
                days.put(day.toString(), List.of(glue, fresh));
            }
            return days;
        }

        List<List<String>> expectedOnlyInNew() {
            List<List<String>> keys = new ArrayList<>();
            keys.add(key(missingFromGlue));
            all.stream().filter(row -> row.getRecordDate().equals(LAST)).forEach(row -> keys.add(key(row)));
            return keys;
        }

        private ProcessedAccessRecord asTheNewTableHasIt(ProcessedAccessRecord row) {
            if (row == changedClient) {
                return ProcessedAccessRecord.newBuilder(row)
                        .setClient(newClient())
                        .build();
            }
            if (row == changedEntity) {
                return ProcessedAccessRecord.newBuilder(row)
                        .setEntityId(newEntityId())
                        .build();
            }
            return row;
        }

        private ProcessedAccessRecord firstOf(LocalDate day) {
            return onDay(day).get(0);
        }

        private ProcessedAccessRecord middleOf(LocalDate day) {
            List<ProcessedAccessRecord> rows = onDay(day);
            return rows.get(rows.size() / 2);
        }

        private List<ProcessedAccessRecord> onDay(LocalDate day) {
            return all.stream().filter(row -> row.getRecordDate().equals(day)).toList();
        }
    }

    /** Synthetic traffic over four UTC days, about 150 rows a day, one row per session id. */
    private static List<ProcessedAccessRecord> rowsOfFourDays() {
        long start = FIRST.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        SyntheticTraffic traffic = new SyntheticTraffic(13L, start, 86_400_000L / 150);
        List<String> lines =
                IntStream.range(0, 700).mapToObj(i -> traffic.next()).toList();
        return ExpectedTable.of(lines).values().stream()
                .filter(row -> !row.getRecordDate().isAfter(LAST))
                .toList();
    }

    /** A row's key as the report shows it: session id and timestamp. */
    private static List<String> key(ProcessedAccessRecord row) {
        return List.of(row.getSessionId(), row.getTimestamp().toString());
    }

    private static List<List<String>> keysOf(JsonNode side) {
        return StreamSupport.stream(side.get("examples").spliterator(), false)
                .map(example -> List.of(
                        example.get("session_id").asText(),
                        example.get("timestamp").asText()))
                .toList();
    }

    private static Map<String, List<Long>> daysOf(JsonNode report) {
        Map<String, List<Long>> days = new TreeMap<>();
        report.get("days")
                .forEach(day -> days.put(
                        day.get("record_date").asText(),
                        List.of(
                                day.get("glue_rows").asLong(),
                                day.get("new_rows").asLong())));
        return days;
    }

    private static Map<String, Long> mismatchCounts(JsonNode report) {
        return StreamSupport.stream(report.get("columns").spliterator(), false)
                .collect(Collectors.toMap(
                        column -> column.get("column").asText(),
                        column -> column.get("mismatches").asLong(),
                        (a, b) -> a,
                        TreeMap::new));
    }

    /** The one example of a column's mismatches: its key, the Glue table's value and the new table's. */
    private static List<Object> example(JsonNode report, String name) {
        JsonNode column = StreamSupport.stream(report.get("columns").spliterator(), false)
                .filter(candidate -> candidate.get("column").asText().equals(name))
                .findFirst()
                .orElseThrow();
        assertThat(column.get("examples")).hasSize(1);
        JsonNode example = column.get("examples").get(0);
        return List.of(
                List.of(
                        example.get("session_id").asText(),
                        example.get("timestamp").asText()),
                example.get("glue").asText(),
                example.get("new").asText());
    }

    private Path glue() {
        return folder.resolve("glue");
    }

    private Path fresh() {
        return folder.resolve("new");
    }

    private Run compare(String layout, String... options) {
        return compareOver(glue(), layout, FIRST, LAST, options);
    }

    /** The command over {@code glueFolder} and the new table, without {@code --layout} when it is null. */
    private Run compareOver(Path glueFolder, String layout, LocalDate from, LocalDate to, String... options) {
        List<String> args = new ArrayList<>(List.of(
                "compare",
                "--glue",
                glueFolder.toString(),
                "--new",
                fresh().toString(),
                "--from",
                from.toString(),
                "--to",
                to.toString()));
        if (layout != null) {
            args.addAll(List.of("--layout", layout));
        }
        args.addAll(List.of(options));
        return run(args.toArray(String[]::new));
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        int exitCode;
        try (PrintStream stdout = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            exitCode = new CommandLine(new LocalStackMain(stdout))
                    .setErr(new PrintWriter(err, true))
                    .execute(args);
        }
        return new Run(exitCode, out.toString(StandardCharsets.UTF_8), err.toString());
    }
}
