package org.sagebionetworks.accessrecords.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sagebionetworks.accessrecords.archive.LoadArchiveCommand;
import org.sagebionetworks.accessrecords.testsupport.KafkaCluster;
import picocli.CommandLine;

/**
 * reconcile against s3proxy and a real broker (ReconcileScene): the gap, the archive's duplicate, the table's
 * duplicate and extra row, and the dead letters are each reported, and the printed load-archive command fills
 * exactly the gap.
 */
@ExtendWith(KafkaCluster.class)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ReconcileIT {

    private static ReconcileScene scene;
    /** Both days, as a person reads them and as a program does: what most tests look at. */
    private static ReconcileRun text;

    private static ReconcileRun json;

    @BeforeAll
    static void plant(@TempDir Path dir) throws Exception {
        scene = ReconcileScene.plant(dir);
        text = ReconcileRun.of(scene, "--from", "2023-11-14", "--to", "2023-11-15");
        json = ReconcileRun.of(scene, "--from", "2023-11-14", "--to", "2023-11-15", "--format", "JSON");
    }

    @AfterAll
    static void stop() throws Exception {
        scene.close();
    }

    @Test
    void countsEachDayAndFindsTheGapOnceThoughTheArchiveHoldsARecordTwice() {
        assertThat(json.exitCode()).as(json.err()).isEqualTo(1);
        JsonNode gapDay = json.report().get("days").get(0);
        assertThat(gapDay.get("record_date").asText()).isEqualTo(ReconcileScene.GAP_DAY);
        assertThat(gapDay.get("archive_valid_lines").asLong())
                .as("a retry is a line")
                .isEqualTo(7);
        assertThat(gapDay.get("archive_keys").asLong()).as("and one key").isEqualTo(6);
        assertThat(gapDay.get("table_rows").asLong()).isEqualTo(4);
        assertThat(gapDay.get("table_keys").asLong()).isEqualTo(4);
        assertThat(gapDay.get("missing_from_table").asLong()).isEqualTo(2);
        assertThat(gapDay.get("table_only").asLong()).isZero();
        assertThat(gapDay.get("dead_letters").asLong()).isEqualTo(1);
        assertThat(gapDay.get("agrees").asBoolean()).isFalse();
    }

    @Test
    void theTableMayHoldOneRowTwiceAndARecordTheArchiveLacks() {
        JsonNode quietDay = json.report().get("days").get(1);
        assertThat(quietDay.get("record_date").asText()).isEqualTo(ReconcileScene.QUIET_DAY);
        assertThat(quietDay.get("archive_keys").asLong()).isEqualTo(1);
        assertThat(quietDay.get("table_rows").asLong()).isEqualTo(3);
        assertThat(quietDay.get("table_keys").asLong()).isEqualTo(2);
        assertThat(quietDay.get("missing_from_table").asLong()).isZero();
        assertThat(quietDay.get("table_only").asLong()).isEqualTo(1);
        assertThat(quietDay.get("agrees").asBoolean()).isTrue();
    }

    @Test
    void reportsTheLinesWithoutARecordTimeApart() {
        JsonNode report = json.report();

        assertThat(report.get("dead_letters").asLong()).isEqualTo(1);
        assertThat(report.get("dead_letters_without_time").asLong()).isEqualTo(1);
        assertThat(report.get("archive_invalid_lines_without_time").asLong()).isEqualTo(1);
    }

    @Test
    void aDayThatAgreesExitsZeroUnlessStrictForbidsRowsTheArchiveLacks() {
        ReconcileRun lenient =
                ReconcileRun.of(scene, "--from", ReconcileScene.QUIET_DAY, "--to", ReconcileScene.QUIET_DAY);
        ReconcileRun strict = ReconcileRun.of(
                scene, "--from", ReconcileScene.QUIET_DAY, "--to", ReconcileScene.QUIET_DAY, "--strict");

        assertThat(lenient.exitCode()).as(lenient.err()).isZero();
        assertThat(lenient.resultLine().get("reconcile_result").asText()).isEqualTo("agree");
        assertThat(strict.exitCode()).isEqualTo(1);
        assertThat(strict.resultLine().get("reconcile_result").asText()).isEqualTo("disagree");
    }

    @Test
    void endsWithTheResultLineTheAlarmCounts() {
        JsonNode result = text.resultLine();

        assertThat(text.exitCode()).isEqualTo(1);
        assertThat(result.get("reconcile_result").asText()).isEqualTo("disagree");
        assertThat(result.get("disagreeing_days").asLong()).isEqualTo(1);
        assertThat(result.get("missing_keys").asLong()).isEqualTo(2);
        assertThat(result.get("table_only_keys").asLong()).isEqualTo(1);
    }

    @Test
    void printsTheLoadArchiveCommandThatFillsExactlyTheGap() throws Exception {
        List<String> commands = text.lines().stream()
                .map(String::strip)
                .filter(line -> line.contains(" load-archive "))
                .toList();
        assertThat(commands)
                .containsExactly("java -jar enricher-service.jar load-archive --bucket archive --prefix "
                        + scene.archivePrefix() + " --from 2023-11-14 --to 2023-11-14 --since "
                        + ReconcileScene.GAP_FIRST + " --cutover 2023-11-14T10:03:00.001Z --region us-east-1"
                        + " --endpoint " + scene.endpoint());

        assertThat(sessionsPublishedBy(commands.get(0))).containsExactlyInAnyOrder("s-3", "s-4");
    }

    /** Runs a printed load-archive command against fresh topics and reads back the session ids it published. */
    private static List<String> sessionsPublishedBy(String command) {
        String raw = KafkaCluster.uniqueName("raw");
        String deadLetters = KafkaCluster.uniqueName("dlq");
        KafkaCluster.createTopic(raw, 1, Map.of("retention.ms", "-1"));
        KafkaCluster.createTopic(deadLetters, 1, Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "8388608"));
        List<String> args = new ArrayList<>(Arrays.asList(command.split(" ")).subList(4, command.split(" ").length));
        args.addAll(List.of(
                "--bootstrap-servers",
                KafkaCluster.bootstrapServers(),
                "--raw-topic",
                raw,
                "--dead-letter-topic",
                deadLetters,
                "--progress-topic",
                KafkaCluster.uniqueName("progress"),
                "--progress-replication-factor",
                "1",
                "--transactional-id",
                KafkaCluster.uniqueName("reconcile-gap")));
        assertThat(new CommandLine(new LoadArchiveCommand()).execute(args.toArray(String[]::new)))
                .isZero();
        try (KafkaConsumer<byte[], byte[]> consumer = KafkaCluster.readCommittedConsumer(raw)) {
            return KafkaCluster.readUntil(
                            consumer, records -> records.size() >= 2, Duration.ofSeconds(30), Duration.ofSeconds(1))
                    .stream()
                    .map(ConsumerRecord::key)
                    .map(key -> new String(key, StandardCharsets.UTF_8))
                    .toList();
        }
    }
}
