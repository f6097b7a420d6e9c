package org.sagebionetworks.accessrecords.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sagebionetworks.accessrecords.archive.LoadArchiveCommand;
import org.sagebionetworks.accessrecords.archive.LoadRange;
import org.sagebionetworks.accessrecords.connect.Layout;
import org.sagebionetworks.accessrecords.schema.ProcessedAccessRecord;
import org.sagebionetworks.accessrecords.schema.SharedNames;
import org.sagebionetworks.accessrecords.testing.SyntheticTraffic;
import org.sagebionetworks.accessrecords.testsupport.ExpectedTable;
import org.sagebionetworks.accessrecords.testsupport.KafkaCluster;
import org.sagebionetworks.accessrecords.testsupport.S3ProxyServer;
import org.sagebionetworks.accessrecords.toolsupport.S3Clients;
import picocli.CommandLine;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * docs/cutover.md, every command of its {@code sh} blocks, in the page's order: our programs' commands are run in
 * this JVM, as the jars' mains dispatch them ({@code enricher-service.jar load-archive} is {@link
 * LoadArchiveCommand}, {@code local-stack.jar compare} is {@link CompareCommand}), with the placeholders filled in,
 * against a real broker, s3proxy holding a Firehose archive, and Glue-style and new-style copies of the tables;
 * the commands that cannot run here are listed in {@link #NOT_RUN} with the reason. A command that is neither fails
 * the test, and so does a listed one the page no longer has, so the page and the test cannot drift apart.
 *
 * <p>The scenario is the first switch at T: the Glue job's last run started at 18:00 the day before T, so it lacks
 * the rows after that; it kept one producer retry twice. The local folders stand for what each {@code aws s3}
 * command would have copied.
 */
@ExtendWith(KafkaCluster.class)
class CutoverRunbookIT {

    private static final Path RUNBOOK = Path.of("..", "docs", "cutover.md");
    private static final LocalDate FIRST = LocalDate.of(2024, 3, 1);
    private static final LocalDate LAST = FIRST.plusDays(3);
    private static final Instant T =
            FIRST.plusDays(2).atStartOfDay(ZoneOffset.UTC).toInstant();
    private static final Instant LAST_GLUE_RUN = T.minus(Duration.ofHours(6));
    private static final String STACK = "prod";
    private static final String PREFIX = "accessRecord/records";

    /** What the test puts for each placeholder of the page. */
    private static final Map<String, String> PLACEHOLDERS = Map.of(
            "<stack>", STACK,
            "<first-day>", FIRST.toString(),
            "<yesterday>", LAST.toString(),
            "<day>", FIRST.toString(),
            "<a-week-before-T>", FIRST.toString(),
            "<day-before-T>", FIRST.plusDays(1).toString(),
            "<T>", T.toString());

    /** The local folders the commands name; relative on the page, below the test's folder here. */
    private static final Set<String> FOLDER_OPTIONS = Set.of("--glue", "--new", "--gap-fill");

    /** The commands the page may hold that this test does not run, by their first words, and why. */
    private static final Map<String, String> NOT_RUN = notRun();

    private static Map<String, String> notRun() {
        Map<String, String> reasons = new LinkedHashMap<>();
        reasons.put("aws s3 sync", "copies production buckets; the test builds the copies it would make");
        reasons.put("aws s3 cp", "copies into production's serving folder; the test copies the gap fill locally");
        reasons.put("aws s3 rm", "deletes from production's serving folder (the way back)");
        reasons.put("aws glue", "the Glue job and its trigger are Synapse-Stack-Builder's, in AWS; none here");
        reasons.put("terraform apply", "deploys to AWS; the terraform module's tests check the configuration");
        return reasons;
    }

    @TempDir
    Path work;

    private final List<String> lines = syntheticLines();
    private final List<ProcessedAccessRecord> rows =
            List.copyOf(ExpectedTable.of(lines).values());

    record Run(int exitCode, String stdout, String stderr) {}

    @Test
    void everyCommandIsRunOrListedWithItsReason() throws Exception {
        List<String> commands = RunbookCommands.of(RUNBOOK);

        assertThat(commands)
                .allSatisfy(command -> assertThat(runnable(command) || listed(command))
                        .as("docs/cutover.md: neither run by this test nor listed in NOT_RUN: " + command)
                        .isTrue());
        assertThat(NOT_RUN.keySet())
                .allSatisfy(listed -> assertThat(commands).anyMatch(command -> command.startsWith(listed)));
        assertThat(commands)
                .as("the page's own commands: the shadow run's load, the comparisons and the gap fill")
                .anyMatch(command -> command.contains(" load-archive "))
                .anyMatch(command -> command.contains(" compare ") && !command.contains("--gap-fill"))
                .anyMatch(command -> command.contains("--gap-fill"));
    }

    @Test
    void theRunbooksOwnCommandsDoWhatItSays() throws Exception {
        System.setProperty("aws.accessKeyId", "local");
        System.setProperty("aws.secretAccessKey", "local");
        try (S3ProxyServer s3 = S3ProxyServer.start(Files.createDirectories(work.resolve("s3")))) {
            putFirehoseArchive(s3);
            createLoaderTopics();
            writeTableCopies();
            List<String> runnable = RunbookCommands.of(RUNBOOK).stream()
                    .filter(CutoverRunbookIT::runnable)
                    .toList();

            for (String command : runnable) {
                check(command, run(command, s3.endpoint().toString()));
                if (command.contains("--gap-fill")) {
                    copyGapFillIntoServedCopy();
                }
            }
        }
    }

    /** What each command must have done, told by its subcommand and options. */
    private void check(String command, Run run) throws Exception {
        String context = command + "\n" + run.stdout() + run.stderr();
        if (command.contains(" load-archive ")) {
            assertThat(run.exitCode()).as(context).isZero();
            assertThat(recordsIn(SharedNames.RAW_TOPIC)).as(context).isEqualTo(lines.size());
        } else if (command.contains("--gap-fill")) {
            assertThat(run.exitCode()).as(context).isZero();
            assertThat(GapFillFiles.keysByFolder(work.resolve("gap")).values().stream()
                            .mapToInt(Set::size)
                            .sum())
                    .as(context)
                    .isEqualTo(gapRows().size());
        } else if (command.contains("--glue served")) {
            assertThat(run.exitCode())
                    .as("only the Glue job's retry differs: " + context)
                    .isOne();
            assertThat(run.stdout()).as(context).contains(": 1 only in the Glue job's table, 0 only in the new table");
        } else {
            assertThat(run.exitCode())
                    .as("the days before the gap agree: " + context)
                    .isZero();
            assertThat(run.stdout()).as(context).containsPattern("(?m)^EQUAL: ");
        }
    }

    private Run run(String command, String s3Endpoint) {
        List<String> words = filledIn(RunbookCommands.words(command));
        String program = words.get(2);
        List<String> args = new ArrayList<>(words.subList(3, words.size()));
        if (program.equals("enricher-service.jar")) {
            // What the environment gives the loader in production: KAFKA_BOOTSTRAP_SERVERS and the AWS region.
            args.addAll(List.of(
                    "--bootstrap-servers",
                    KafkaCluster.bootstrapServers(),
                    "--endpoint",
                    s3Endpoint,
                    "--region",
                    "us-east-1",
                    "--progress-replication-factor",
                    "1"));
            return execute(stdout -> new LoadArchiveCommand(), args.subList(1, args.size()));
        }
        return execute(LocalStackMain::new, args);
    }

    private List<String> filledIn(List<String> words) {
        List<String> filled = new ArrayList<>();
        for (String word : words) {
            String value = word;
            for (Map.Entry<String, String> placeholder : PLACEHOLDERS.entrySet()) {
                value = value.replace(placeholder.getKey(), placeholder.getValue());
            }
            assertThat(value).as("a placeholder this test does not fill").doesNotContainPattern("<[^>]+>");
            boolean folder = !filled.isEmpty() && FOLDER_OPTIONS.contains(filled.get(filled.size() - 1));
            filled.add(folder ? work.resolve(value).toString() : value);
        }
        return filled;
    }

    /** Runs a picocli command; the loader prints to System.out, which the checks do not read. */
    private static Run execute(Function<PrintStream, Object> command, List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        int exitCode;
        try (PrintStream stdout = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            exitCode = new CommandLine(command.apply(stdout))
                    .setErr(new PrintWriter(err, true))
                    .execute(args.toArray(String[]::new));
        }
        return new Run(exitCode, out.toString(StandardCharsets.UTF_8), err.toString());
    }

    private static boolean runnable(String command) {
        return command.startsWith("java -jar enricher-service.jar load-archive ")
                || command.startsWith("java -jar local-stack.jar compare ");
    }

    private static boolean listed(String command) {
        return NOT_RUN.keySet().stream().anyMatch(command::startsWith);
    }

    /** Firehose's archive of the four days: one gzip object per arrival day, as the loader's tests write it. */
    private void putFirehoseArchive(S3ProxyServer s3) throws Exception {
        String bucket = STACK + ".log.sagebase.org";
        s3.createBucket(bucket);
        try (S3Client client = S3Clients.of("us-east-1", s3.endpoint().toString())) {
            for (LocalDate day = FIRST; !day.isAfter(LAST); day = day.plusDays(1)) {
                LocalDate arrival = day;
                String body = String.join(
                                "\n",
                                lines.stream()
                                        .filter(line -> requestDay(line).equals(arrival))
                                        .toList())
                        + "\n";
                client.putObject(
                        PutObjectRequest.builder()
                                .bucket(bucket)
                                .key(LoadRange.arrivalFolder(PREFIX, day) + "firehose-" + day + ".json")
                                .build(),
                        RequestBody.fromString(body));
            }
        }
    }

    private static void createLoaderTopics() {
        KafkaCluster.createTopic(SharedNames.RAW_TOPIC, 2, Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1"));
        KafkaCluster.createTopic(
                SharedNames.DEAD_LETTER_TOPIC, 1, Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "8388608"));
    }

    /** Every line of the archive is valid, so the loader publishes each once. */
    private long recordsIn(String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = KafkaCluster.readCommittedConsumer(topic)) {
            return KafkaCluster.readUntil(
                            consumer, read -> read.size() >= lines.size(), Duration.ofSeconds(30), Duration.ZERO)
                    .size();
        }
    }

    /** The Glue job's copy (its last run at 18:00 before T, one retry kept twice) and v1's table. */
    private void writeTableCopies() throws Exception {
        GlueStyleTable.write(work.resolve("glue"), glueRows());
        NewStyleTable.write(work.resolve("new"), Layout.RECORD_DATE, rows);
    }

    private List<ProcessedAccessRecord> glueRows() {
        List<ProcessedAccessRecord> glue = new ArrayList<>(rows.stream()
                .filter(row -> row.getTimestamp().isBefore(LAST_GLUE_RUN))
                .toList());
        glue.add(glue.get(glue.size() - 1));
        return glue;
    }

    private List<ProcessedAccessRecord> gapRows() {
        return rows.stream()
                .filter(row -> !row.getTimestamp().isBefore(LAST_GLUE_RUN)
                        && row.getTimestamp().isBefore(T))
                .toList();
    }

    /** The serving folder's days before T after the copy: the Glue job's files and the gap fill. */
    private void copyGapFillIntoServedCopy() throws Exception {
        GlueStyleTable.write(work.resolve("served"), glueRows());
        GapFillFiles.copyInto(work.resolve("gap"), work.resolve("served"));
    }

    private static final Pattern TIMESTAMP = Pattern.compile("\"timestamp\"\\s*:\\s*(\\d+)");

    private static LocalDate requestDay(String line) {
        Matcher millis = TIMESTAMP.matcher(line);
        if (!millis.find()) {
            throw new IllegalStateException("a synthetic line without a timestamp: " + line);
        }
        return LocalDate.ofInstant(Instant.ofEpochMilli(Long.parseLong(millis.group(1))), ZoneOffset.UTC);
    }

    /** Synthetic traffic over the four days, about 150 lines a day, every line valid. */
    private static List<String> syntheticLines() {
        long start = FIRST.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        SyntheticTraffic traffic = new SyntheticTraffic(13L, start, 86_400_000L / 150);
        return IntStream.range(0, 600)
                .mapToObj(i -> traffic.next())
                .filter(line -> !requestDay(line).isAfter(LAST))
                .toList();
    }
}
