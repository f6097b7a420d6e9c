package org.sagebionetworks.accessrecords.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sagebionetworks.accessrecords.core.validation.RejectionReason;
import org.sagebionetworks.accessrecords.schema.PipelineVersion;
import org.sagebionetworks.accessrecords.schema.ServiceMetricNames;

/**
 * The alarms and the dashboard on the service's own metrics watch names the service writes
 * ({@link ServiceMetricNames}, which the service's tests tie to what it registers), in the stack's namespace, for
 * each version that runs: dead letters for every rejection reason, late records, production errors, streams not
 * running, a clock running ahead and stale rows.
 */
class PlannedServiceMetricsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SEARCHED_NAME = Pattern.compile("MetricName=\\\\?\"([a-z_]+)\\\\?\"");

    private static PlannedStacks stacks;

    @BeforeAll
    static void planOnce() {
        stacks = PlannedStacks.get();
    }

    static List<StackVariables> variableSets() {
        return PlannedStacks.all();
    }

    record Alarm(String metric, String applicationId, String reason, String comparison, double threshold) {}

    @ParameterizedTest
    @MethodSource("variableSets")
    void everyVersionHasEachAlarmOnAMetricTheServiceWrites(StackVariables variables) {
        TerraformPlan plan = stacks.plan(variables);
        List<Alarm> alarms = serviceAlarms(plan, variables);

        assertThat(alarms).extracting(Alarm::metric).isSubsetOf(ServiceMetricNames.ALL);
        for (String version : variables.versions()) {
            String application = PipelineVersion.of(version).applicationId();
            List<Alarm> own = alarms.stream()
                    .filter(alarm -> alarm.applicationId().equals(application))
                    .toList();
            assertThat(own)
                    .as(version)
                    .extracting(Alarm::metric)
                    .contains(
                            ServiceMetricNames.LATE,
                            ServiceMetricNames.PRODUCTION_ERRORS,
                            ServiceMetricNames.STREAMS_UP,
                            ServiceMetricNames.EVENT_TIME_LAG);
            assertThat(own)
                    .as("%s: dead letters by reason", version)
                    .filteredOn(alarm -> alarm.metric().equals(ServiceMetricNames.DEAD_LETTERED))
                    .extracting(Alarm::reason)
                    .containsExactlyInAnyOrderElementsOf(Arrays.stream(RejectionReason.values())
                            .map(Enum::name)
                            .toList());
            assertThat(own)
                    .as("%s: a clock running ahead (negative lag) and stale rows (positive lag)", version)
                    .filteredOn(alarm -> alarm.metric().equals(ServiceMetricNames.EVENT_TIME_LAG))
                    .extracting(alarm -> alarm.comparison() + " " + alarm.threshold())
                    .containsExactlyInAnyOrder(
                            "LessThanThreshold -" + Double.parseDouble(plan.variable("clock_ahead_alarm_seconds")),
                            "GreaterThanThreshold "
                                    + Double.parseDouble(plan.variable("event_time_lag_alarm_seconds")));
        }
    }

    @ParameterizedTest
    @MethodSource("variableSets")
    void everyVersionAlarmsWhenATableItWritesHasHeldARowUncommittedForThreeRotationIntervals(StackVariables variables) {
        TerraformPlan plan = stacks.plan(variables);
        double threeRotations = 3 * Double.parseDouble(plan.variable("sink_rotate_interval_ms")) / 1000;

        for (String version : variables.versions()) {
            String application = PipelineVersion.of(version).applicationId();
            List<String> sinks = new ArrayList<>(List.of(sinkGroup(variables, version)));
            if (variables.serves(version)) {
                sinks.add(sinkGroup(variables, "serving"));
            }
            List<JsonNode> alarms = plan.addresses("aws_cloudwatch_metric_alarm").stream()
                    .map(plan::after)
                    .filter(alarm -> alarm.path("metric_name").asText().equals(ServiceMetricNames.TABLE_PENDING_AGE))
                    .filter(alarm -> alarm.at("/dimensions/" + ServiceMetricNames.APPLICATION_ID)
                            .asText()
                            .equals(application))
                    .toList();

            assertThat(alarms)
                    .as(version)
                    .extracting(alarm ->
                            alarm.at("/dimensions/" + ServiceMetricNames.SINK).asText())
                    .containsExactlyInAnyOrderElementsOf(sinks);
            assertThat(alarms).allSatisfy(alarm -> {
                assertThat(alarm.path("namespace").asText()).isEqualTo(namespace(variables));
                assertThat(alarm.path("comparison_operator").asText()).isEqualTo("GreaterThanThreshold");
                assertThat(alarm.path("threshold").asDouble()).isEqualTo(threeRotations);
                assertThat(alarm.path("treat_missing_data").asText()).isEqualTo("breaching");
            });
        }
    }

    @ParameterizedTest
    @MethodSource("variableSets")
    void theDashboardDrawsEveryVersionFromMetricsTheServiceWrites(StackVariables variables) {
        TerraformPlan plan = stacks.plan(variables);
        JsonNode dashboard = parse(plan.after("aws_cloudwatch_dashboard.pipeline")
                .path("dashboard_body")
                .asText());
        Set<String> drawn = new TreeSet<>();
        Set<String> applications = new TreeSet<>();

        for (JsonNode widget : dashboard.path("widgets")) {
            for (JsonNode metric : widget.at("/properties/metrics")) {
                if (metric.get(0).isTextual() && metric.get(0).asText().equals(namespace(variables))) {
                    drawn.add(metric.get(1).asText());
                    applications.add(metric.get(3).asText());
                }
                Matcher searched =
                        SEARCHED_NAME.matcher(metric.get(0).path("expression").asText());
                while (searched.find()) {
                    drawn.add(searched.group(1));
                }
            }
        }
        assertThat(drawn)
                .isSubsetOf(ServiceMetricNames.ALL)
                .contains(ServiceMetricNames.DEAD_LETTERED, ServiceMetricNames.TABLE_PENDING_AGE);
        assertThat(applications)
                .containsExactlyInAnyOrderElementsOf(variables.versions().stream()
                        .map(version -> PipelineVersion.of(version).applicationId())
                        .collect(Collectors.toSet()));
    }

    private static List<Alarm> serviceAlarms(TerraformPlan plan, StackVariables variables) {
        List<Alarm> alarms = new ArrayList<>();
        for (String address : plan.addresses("aws_cloudwatch_metric_alarm")) {
            JsonNode alarm = plan.after(address);
            // The stack's namespace also holds reconcile's metric, which no version's service writes.
            if (alarm.path("namespace").asText().equals(namespace(variables))
                    && alarm.path("dimensions").has(ServiceMetricNames.APPLICATION_ID)) {
                Map<String, String> dimensions = new HashMap<>();
                alarm.path("dimensions")
                        .fields()
                        .forEachRemaining(field ->
                                dimensions.put(field.getKey(), field.getValue().asText()));
                alarms.add(new Alarm(
                        alarm.path("metric_name").asText(),
                        dimensions.get(ServiceMetricNames.APPLICATION_ID),
                        dimensions.get(ServiceMetricNames.REASON),
                        alarm.path("comparison_operator").asText(),
                        alarm.path("threshold").asDouble()));
            }
        }
        return alarms;
    }

    /** Kafka Connect's group of a sink: {@code connect-<stack>-s3-sink-<version or serving>}. */
    private static String sinkGroup(StackVariables variables, String sink) {
        return "connect-" + variables.stack() + "-s3-sink-" + sink;
    }

    private static String namespace(StackVariables variables) {
        return ServiceMetricNames.DEFAULT_NAMESPACE + "/" + variables.stack();
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
