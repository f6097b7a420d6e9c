package org.sagebionetworks.accessrecords.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sagebionetworks.accessrecords.local.StackSettings;
import org.sagebionetworks.accessrecords.replay.ReplayCommand;
import picocli.CommandLine;

/**
 * The replay command's safety checks against the whole running pipeline: a real Kafka Connect worker (its REST
 * API lists the connectors), the lake on s3proxy, and v1's enricher serving. Dry runs only: nothing is changed.
 */
@ExtendWith(PipelineRun.class)
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class ReplayOnTheRunningPipelineIT {

    private static final String V1_TOPIC = StackSettings.PROCESSED_TOPIC;

    @Test
    void theServingVersionInUseIsRefusedForEveryTraceAtOnceItsConnectorsNamed() {
        Outcome run = replay("--to-version", "v1", "--serving-version", "v1", "--wait-for-stop", "PT0S");

        assertThat(run.exitCode()).as(run.out()).isEqualTo(1);
        assertThat(run.err())
                .contains(
                        "v1 is the version the view processedaccessrecord serves",
                        "The v1 app is still running",
                        "The processed topic " + V1_TOPIC + " was written before",
                        "Kafka Connect at " + PipelineRun.finished().pipeline().connectUrl()
                                + " runs s3-sink-record-date, s3-sink-year-month-day for v1",
                        "Nothing was changed.");
    }

    @Test
    void aVersionNeverUsedPassesWithTheConnectorsLookedAt() {
        Outcome run = replay("--to-version", "v2", "--serving-version", "v1");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains(
                        "processed topic synapse.accessrecords.processed.v2: does not exist yet",
                        "s3://lake/processed/v2/: empty",
                        "connectors at " + PipelineRun.finished().pipeline().connectUrl()
                                + ": none reads synapse.accessrecords.processed.v2 or writes processed/v2");
    }

    private static Outcome replay(String... args) {
        Pipeline pipeline = PipelineRun.finished().pipeline();
        List<String> all = new ArrayList<>(List.of(
                "--bootstrap-servers",
                pipeline.bootstrapServers(),
                "--raw-topic",
                Pipeline.RAW,
                "--kafka-timeout",
                "PT30S",
                "--from-earliest",
                "--lake-bucket",
                StackSettings.BUCKET,
                "--lake-endpoint",
                pipeline.s3Endpoint(),
                "--lake-region",
                "us-east-1",
                "--connect-url",
                pipeline.connectUrl()));
        all.addAll(List.of(args));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode = new CommandLine(new ReplayCommand()
                        .withStreams(
                                new PrintStream(out, true, StandardCharsets.UTF_8),
                                new PrintStream(err, true, StandardCharsets.UTF_8)))
                .execute(all.toArray(String[]::new));
        return new Outcome(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Outcome(int exitCode, String out, String err) {}
}
