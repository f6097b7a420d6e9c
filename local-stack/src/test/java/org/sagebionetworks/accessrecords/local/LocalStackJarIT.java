package org.sagebionetworks.accessrecords.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.sagebionetworks.accessrecords.connect.Layout;
import org.sagebionetworks.accessrecords.queries.ParquetFolder;
import org.sagebionetworks.accessrecords.queries.QueryResult;
import org.sagebionetworks.accessrecords.queries.ResultFormat;
import org.sagebionetworks.accessrecords.schema.ProcessedAccessRecord;
import org.sagebionetworks.accessrecords.testsupport.ExpectedTable;

/**
 * The README's first command as a user runs it, on the committed sample (and a file of two lines too large for
 * the raw topic): the packaged jar, {@code --once}, the dashboard answers on stdout, the Parquet files under the
 * data folder; then the query command on what it left. The jar runs alone, copied to a folder of its own, with a
 * home that holds no Maven repository, as on a machine that never built it.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class LocalStackJarIT {

    private static final Path SAMPLE = Path.of("..", "samples", "raw-access-records.ndjson");
    private static final Path QUERIES = Path.of("..", "queries");

    @TempDir
    static Path dataDir;
    /** Where the jar is copied to and run from, with its home and temporary folders. */
    @TempDir
    static Path elsewhere;

    private static Path classLoads;
    private static Run stack;
    private static Map<String, ProcessedAccessRecord> expected;

    record Run(int exitCode, String stdout, String stderr) {}

    record ClassLoad(String className, Path source) {}

    @BeforeAll
    static void runTheStackOnceOnTheSample() throws Exception {
        expected = ExpectedTable.of(Files.readAllLines(SAMPLE));
        Path tooLarge = dataDir.resolve("too-large.ndjson");
        Files.writeString(tooLarge, lineOf(1_500_000) + "\n" + lineOf(9_000_000) + "\n");
        Files.createDirectories(elsewhere.resolve("home"));
        Files.createDirectories(elsewhere.resolve("tmp"));
        Files.copy(Path.of("target", "local-stack.jar"), elsewhere.resolve("local-stack.jar"));
        classLoads = elsewhere.resolve("class-loads.txt");
        stack = jar(
                List.of("-Xlog:class+load=info:file=" + classLoads + ":none"),
                "--once",
                "--input",
                SAMPLE.toAbsolutePath().toString(),
                tooLarge.toString(),
                "--queries",
                queries(),
                "--data-dir",
                dataDir.toString(),
                "--kafka-port",
                "0",
                "--http-port",
                "0",
                "--s3-port",
                "0");
    }

    @Test
    void loadsNoClassFromOutsideTheCopiedJarAndWhatItExtracted() throws IOException {
        assertThat(stack.exitCode()).as(stack.stderr()).isZero();
        List<ClassLoad> loads = classLoadsFromFiles();

        assertThat(loads).isNotEmpty();
        assertThat(loads.stream()
                        .map(ClassLoad::source)
                        .filter(source -> !insideTheCopy(source))
                        .distinct())
                .as("files classes were loaded from, outside the copied jar and its temporary folder")
                .isEmpty();
        assertThat(loads)
                .filteredOn(load -> load.className().equals("org.gaul.s3proxy.S3Proxy"))
                .as("s3proxy, in a class loader of its own")
                .singleElement()
                .satisfies(load -> assertThat(load.source()).startsWithRaw(elsewhere.resolve("tmp")));
    }

    @Test
    void exitsZeroHavingPutEveryUniqueValidLineInTheTable() {
        assertThat(stack.exitCode()).as(stack.stderr()).isZero();
        assertThat(stack.stdout())
                .contains("the table has " + expected.size() + " rows")
                .contains("enricher read 203, wrote 200, dropped 3 duplicates");
    }

    /** The sample's 4 broken lines and the 2 too large ones, dead-lettered by the loader as the archive's would be. */
    @Test
    void theFilesGoThroughTheArchiveLoaderWhichDeadLettersWhatTheEnricherWouldRefuse() {
        assertThat(stack.stdout())
                .as(stack.stderr())
                .contains("Fed 209 lines; the archive loader published 203 lines to the raw topic, dead-lettered 6, "
                        + "failed 0 files; enricher read 203");
    }

    @Test
    void printsWhereEverythingIs() {
        assertThat(stack.stdout())
                .contains("enricher health  http://localhost:")
                .contains("/prometheus")
                .contains("Parquet files    " + tableDir() + "/record_date=YYYY-MM-dd/");
    }

    /** The run chose no layout, so this is the default's. */
    @Test
    void writesParquetUnderConfluentsKeysInTheRecordDateFolders() {
        List<Path> files = ParquetFolder.list(tableDir());

        assertThat(files)
                .isNotEmpty()
                .allSatisfy(
                        file -> assertThat(tableDir().relativize(file).toString())
                                .matches(
                                        "record_date=2023-11-1[45]/synapse\\.accessrecords\\.processed\\.v1\\+[01]\\+\\d{10}\\.snappy\\.parquet"));
    }

    @Test
    void printsEveryDashboardQueryWithItsAnswer() {
        assertThat(stack.stdout()).contains("== calls-by-client-for-a-month", "== top-entities", "== slow-endpoints");
        assertThat(stack.stdout()).contains(ResultFormat.TABLE.render(pythonEndpointsOfTheSample()));
    }

    @Test
    void theQueryCommandAnswersFromTheFilesLeftBehind() throws Exception {
        Run query = jar(
                List.of(),
                "query",
                "--data-dir",
                dataDir.toString(),
                "--format",
                "CSV",
                "-e",
                "SELECT client, count(*) AS calls FROM processedaccessrecord GROUP BY client ORDER BY client");

        assertThat(query.exitCode()).as(query.stderr()).isZero();
        Map<String, Long> byClient = new TreeMap<>();
        expected.values().forEach(row -> byClient.merge(row.getClient(), 1L, Long::sum));
        List<String> csv = new ArrayList<>(List.of("client,calls"));
        byClient.forEach((client, calls) -> csv.add(client + "," + calls));
        assertThat(query.stdout().lines()).containsExactlyElementsOf(csv);
    }

    /** This run chooses the other layout, so that the jar is seen writing both. */
    @Test
    void syntheticTrafficGoesThroughSynapsesPublisherAndAllOfItThatIsValidReachesTheTable() throws Exception {
        Path synthetic = Files.createDirectories(dataDir.resolve("synthetic"));
        Run run = jar(
                List.of(),
                "--once",
                "--records",
                "300",
                "--layout",
                "year-month-day",
                "--queries",
                queries(),
                "--data-dir",
                synthetic.toString(),
                "--kafka-port",
                "0",
                "--http-port",
                "0",
                "--s3-port",
                "0");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        Matcher status = Pattern.compile("the publisher sent (\\d+), refused (\\d+) invalid, dropped 0, failed 0; "
                        + "enricher read (\\d+), wrote (\\d+), dropped (\\d+) duplicates.*the table has (\\d+) rows")
                .matcher(run.stdout());
        assertThat(status.find()).as(run.stdout()).isTrue();
        long sent = Long.parseLong(status.group(1));
        assertThat(sent + Long.parseLong(status.group(2))).isEqualTo(300);
        assertThat(Long.parseLong(status.group(3))).isEqualTo(sent);
        assertThat(Long.parseLong(status.group(4)) + Long.parseLong(status.group(5)))
                .isEqualTo(sent);
        assertThat(status.group(6)).isEqualTo(status.group(4));
        Path table = tableDir(synthetic, Layout.YEAR_MONTH_DAY);
        assertThat(run.stdout()).contains("Parquet files    " + table + "/year=YYYY/month=MM/day=dd/");
        assertThat(ParquetFolder.list(table))
                .isNotEmpty()
                .allSatisfy(file -> assertThat(table.relativize(file).toString())
                        .matches("year=\\d{4}/month=\\d{2}/day=\\d{2}/[^/]+\\.snappy\\.parquet"));
    }

    /** A raw line of about {@code bytes} bytes, well-formed but for its size. */
    private static String lineOf(int bytes) {
        return "{\"payload\":{\"sessionId\":\"huge\",\"timestamp\":1700000000000,\"method\":\"GET\","
                + "\"requestURL\":\"/" + "x".repeat(bytes) + "\"}}";
    }

    private static Path tableDir() {
        return tableDir(dataDir, Layout.DEFAULT);
    }

    private static Path tableDir(Path data, Layout layout) {
        return new StackSettings(data, 0, 0, 0).tableDir(SinkSpec.local(layout));
    }

    /** queries/python-client-endpoints.sql asked of the sample without SQL: all of it is after 2023-09-01. */
    private static QueryResult pythonEndpointsOfTheSample() {
        Map<String, Long> calls = new LinkedHashMap<>();
        expected.values().stream()
                .filter(row -> row.getClient().equals("PYTHON"))
                .forEach(row -> calls.merge(row.getNormalizedMethodSignature(), 1L, Long::sum));
        List<List<Object>> rows = calls.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(entry -> Arrays.<Object>asList(entry.getKey(), entry.getValue()))
                .toList();
        return new QueryResult(List.of("normalized_method_signature", "calls"), rows);
    }

    private static String queries() {
        return QUERIES.toAbsolutePath().normalize().toString();
    }

    /** Every class the JVM logged loading from a file (a jar or a folder), not from the JDK. */
    private static List<ClassLoad> classLoadsFromFiles() throws IOException {
        List<ClassLoad> loads = new ArrayList<>();
        for (String line : Files.readAllLines(classLoads)) {
            String[] classAndSource = line.split(" source: ", 2);
            if (classAndSource.length == 2 && classAndSource[1].matches("(jar:)?file:.*")) {
                String url = classAndSource[1].replaceFirst("^jar:", "").replaceFirst("!/.*$", "");
                loads.add(new ClassLoad(classAndSource[0], Path.of(URI.create(url))));
            }
        }
        return loads;
    }

    private static boolean insideTheCopy(Path source) {
        return source.equals(elsewhere.resolve("local-stack.jar")) || source.startsWith(elsewhere.resolve("tmp"));
    }

    /** The jar copied alone to another folder and run there, its home and temporary folder in that folder too. */
    private static Run jar(List<String> jvmOptions, String... args) throws IOException, InterruptedException {
        Path home = elsewhere.resolve("home");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.home=" + home,
                "-Djava.io.tmpdir=" + elsewhere.resolve("tmp")));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", "local-stack.jar"));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(dataDir, "stdout", ".txt");
        Path err = Files.createTempFile(dataDir, "stderr", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(elsewhere.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        builder.environment().put("HOME", home.toString());
        Process process = builder.start();
        // Longer than the stack's own 3 minutes' patience for the table to drain, so that a slow run ends with its
        // answer (exit 1, "Not everything reached the table") rather than killed without one.
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the local stack did not finish in 5 minutes: " + Files.readString(out));
        }
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }
}
