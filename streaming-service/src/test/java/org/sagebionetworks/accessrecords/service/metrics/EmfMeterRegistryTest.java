package org.sagebionetworks.accessrecords.service.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.sagebionetworks.accessrecords.schema.ServiceMetricNames;

/**
 * The pipeline's meters as CloudWatch sees them: the lines the awslogs driver ships, under the names
 * {@code /prometheus} shows and Terraform's alarms watch.
 */
class EmfMeterRegistryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration STEP = Duration.ofMinutes(1);
    private static final String APPLICATION = "synapse-access-records-v1";
    private static final String NAMESPACE = "SynapseAccessRecords/test";

    private final MockClock clock = new MockClock();
    private final List<String> written = new ArrayList<>();
    private final EmfMeterRegistry emf =
            new EmfMeterRegistry(new EmfFormat(NAMESPACE, APPLICATION), written::add, STEP, clock);
    private final PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final CompositeMeterRegistry registry = new CompositeMeterRegistry(clock, List.of(emf, prometheus));
    private final Instant now = Instant.ofEpochMilli(clock.wallTime());
    private final PipelineMetrics metrics = new PipelineMetrics(registry, java.time.Clock.fixed(now, ZoneOffset.UTC));

    @Test
    void everyMetricOfTheServiceIsWrittenUnderItsPrometheusNameAndTheSharedNamesAreExactlyThose() {
        metrics.recordIn();
        metrics.recordOut(now.minusSeconds(30).toEpochMilli());
        metrics.duplicateDropped();
        metrics.lateRecord();
        metrics.keyMismatch();
        metrics.deadLettered("MISSING_FIELD");
        metrics.productionError();
        metrics.watchStreams(() -> true);
        metrics.watchTablePendingAge("connect-stack-s3-sink-v1", () -> 0.0);
        nextStep();

        emf.publish();

        Set<String> names = new TreeSet<>();
        written.forEach(line -> names.addAll(metricNames(parse(line))));
        assertThat(names).containsExactlyInAnyOrderElementsOf(ServiceMetricNames.ALL);
        String scrape = prometheus.scrape();
        assertThat(names).allSatisfy(name -> assertThat(scrape).containsPattern("(?m)^" + name + "[{ ]"));
    }

    @Test
    void countersAreCountsWithinTheLastStepWithTheApplicationAndTheReasonAsDimensions() {
        metrics.recordIn();
        metrics.recordIn();
        metrics.deadLettered("MISSING_FIELD");
        metrics.deadLettered("MISSING_FIELD");
        metrics.deadLettered("TOO_LARGE");
        nextStep();

        List<JsonNode> lines = parsed(emf.lines());

        JsonNode plain = line(lines, null);
        assertThat(plain.path(ServiceMetricNames.IN).asDouble()).isEqualTo(2.0);
        assertThat(plain.path(ServiceMetricNames.APPLICATION_ID).asText()).isEqualTo(APPLICATION);
        assertThat(plain.at("/_aws/Timestamp").asLong()).isEqualTo(clock.wallTime());
        JsonNode directive = plain.at("/_aws/CloudWatchMetrics/0");
        assertThat(directive.path("Namespace").asText()).isEqualTo(NAMESPACE);
        assertThat(directive.path("Dimensions").toString()).isEqualTo("[[\"ApplicationId\"]]");
        assertThat(directive.path("Metrics").findValuesAsText("Unit")).containsOnly("Count");

        JsonNode missing = line(lines, "MISSING_FIELD");
        assertThat(missing.path(ServiceMetricNames.DEAD_LETTERED).asDouble()).isEqualTo(2.0);
        assertThat(missing.at("/_aws/CloudWatchMetrics/0/Dimensions").toString())
                .isEqualTo("[[\"ApplicationId\",\"reason\"]]");
        assertThat(line(lines, "TOO_LARGE")
                        .path(ServiceMetricNames.DEAD_LETTERED)
                        .asDouble())
                .isEqualTo(1.0);
    }

    @Test
    void aCounterStartsFromZeroEachStepSoCloudWatchCanSumThePeriods() {
        metrics.recordIn();
        metrics.recordIn();
        nextStep();
        assertThat(line(parsed(emf.lines()), null).path(ServiceMetricNames.IN).asDouble())
                .isEqualTo(2.0);

        metrics.recordIn();
        nextStep();

        assertThat(line(parsed(emf.lines()), null).path(ServiceMetricNames.IN).asDouble())
                .isEqualTo(1.0);
    }

    @Test
    void eventTimeLagIsLeftOutUntilARecordIsSeenAndGoesNegativeForARecordFromTheFuture() {
        assertThat(emf.lines()).noneMatch(line -> line.contains(ServiceMetricNames.EVENT_TIME_LAG));

        metrics.recordOut(now.plusSeconds(90).toEpochMilli());

        JsonNode line = line(parsed(emf.lines()), null);
        assertThat(line.path(ServiceMetricNames.EVENT_TIME_LAG).asDouble()).isEqualTo(-90.0);
        assertThat(line.at("/_aws/CloudWatchMetrics/0/Metrics").toString())
                .contains("{\"Name\":\"" + ServiceMetricNames.EVENT_TIME_LAG + "\",\"Unit\":\"Seconds\"}");
    }

    @Test
    void aTablesPendingAgeCarriesItsSinkAsADimensionAndIsLeftOutWhileUnknown() {
        double[] age = {Double.NaN};
        metrics.watchTablePendingAge("connect-stack-s3-sink-v1", () -> age[0]);
        assertThat(emf.lines()).noneMatch(line -> line.contains(ServiceMetricNames.TABLE_PENDING_AGE));

        age[0] = 420.0;

        JsonNode line = parsed(emf.lines()).stream()
                .filter(parsed -> parsed.has(ServiceMetricNames.TABLE_PENDING_AGE))
                .findFirst()
                .orElseThrow();
        assertThat(line.path(ServiceMetricNames.TABLE_PENDING_AGE).asDouble()).isEqualTo(420.0);
        assertThat(line.path(ServiceMetricNames.SINK).asText()).isEqualTo("connect-stack-s3-sink-v1");
        assertThat(line.at("/_aws/CloudWatchMetrics/0/Dimensions").toString())
                .isEqualTo("[[\"ApplicationId\",\"sink\"]]");
        assertThat(prometheus.scrape())
                .contains(ServiceMetricNames.TABLE_PENDING_AGE + "{sink=\"connect-stack-s3-sink-v1\"} 420.0");
    }

    @Test
    void kafkaStreamsOwnMetersStayOnPrometheusOnly() {
        registry.counter("kafka.stream.thread.process", "thread.id", "t1").increment();
        nextStep();

        assertThat(emf.lines()).noneMatch(line -> line.contains("kafka"));
        assertThat(prometheus.scrape()).contains("kafka_stream_thread_process_total");
    }

    private void nextStep() {
        clock.add(STEP.toMillis() + 1, TimeUnit.MILLISECONDS);
    }

    private static JsonNode line(List<JsonNode> lines, String reason) {
        return lines.stream()
                .filter(line -> reason == null
                        ? line.path(ServiceMetricNames.REASON).isMissingNode()
                        : reason.equals(line.path(ServiceMetricNames.REASON).asText()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no line for reason " + reason + " in " + lines));
    }

    private static List<JsonNode> parsed(List<String> lines) {
        return lines.stream().map(EmfMeterRegistryTest::parse).toList();
    }

    private static List<String> metricNames(JsonNode line) {
        return line.at("/_aws/CloudWatchMetrics/0/Metrics").findValuesAsText("Name");
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
