package org.sagebionetworks.accessrecords.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sagebionetworks.accessrecords.core.validation.RejectionReason;
import org.sagebionetworks.accessrecords.schema.PipelineVersion;
import org.sagebionetworks.accessrecords.schema.SharedNames;

/**
 * The alarms watch what each version really runs (its consumer groups, topics and ECS service, on the planned
 * cluster) and notify the topic given; every log group the stack writes to is one it creates, kept as long as the
 * variable says.
 */
class PlannedAlarmsAndLogsIT extends OnPlannedStacks {

    @ParameterizedTest
    @MethodSource("variableSets")
    void eachVersionsLagAndHealthAlarmsWatchItsOwnGroupsTopicsAndService(StackVariables variables) {
        TerraformPlan plan = stacks.plan(variables);
        String cluster = variables.stack() + "-synapse-access-records";

        for (String version : variables.versions()) {
            PipelineVersion pipeline = PipelineVersion.of(version);
            String key = "[\"" + version + "\"]";
            assertThat(dimensions(plan, "enricher_lag" + key))
                    .containsEntry("Cluster Name", cluster)
                    .containsEntry("Consumer Group", pipeline.applicationId())
                    .containsEntry("Topic", SharedNames.RAW_TOPIC);
            assertThat(dimensions(plan, "sink_lag" + key))
                    .containsEntry("Cluster Name", cluster)
                    .containsEntry("Consumer Group", "connect-" + variables.stack() + "-s3-sink-" + version)
                    .containsEntry("Topic", pipeline.processedTopic());
            assertThat(dimensions(plan, "enricher_unhealthy" + key))
                    .containsEntry("ClusterName", cluster)
                    .containsEntry("ServiceName", pipeline.applicationId());
        }
        int servingSinks = plan.has("aws_mskconnect_connector.s3_sink[\"serving\"]") ? 1 : 0;
        int reconcile = plan.has("aws_cloudwatch_metric_alarm.reconcile[0]") ? 1 : 0;
        int serviceMetricAlarms = 5 + RejectionReason.values().length;
        int deadLetterArchiveLag = 2;
        assertThat(plan.addresses("aws_cloudwatch_metric_alarm"))
                .hasSize((3 + serviceMetricAlarms) * variables.versions().size()
                        + servingSinks
                        + reconcile
                        + 3
                        + deadLetterArchiveLag);
    }

    @ParameterizedTest
    @MethodSource("variableSets")
    void theDiskAlarmWatchesTheFullestBrokersDataDisk(StackVariables variables) {
        TerraformPlan plan = stacks.plan(variables);
        int brokers = Integer.parseInt(plan.variable("broker_count"));
        JsonNode alarm = plan.after("aws_cloudwatch_metric_alarm.broker_disk");
        List<String> metrics = new ArrayList<>();
        List<String> brokerIds = new ArrayList<>();
        String fullest = null;

        for (JsonNode query : alarm.path("metric_query")) {
            if (query.path("return_data").asBoolean()) {
                fullest = query.path("expression").asText();
            } else {
                metrics.add(query.at("/metric/0/metric_name").asText());
                brokerIds.add(query.at("/metric/0/dimensions/Broker ID").asText());
            }
        }
        assertThat(metrics).containsOnly("KafkaDataLogsDiskUsed");
        assertThat(brokerIds).hasSize(brokers).doesNotHaveDuplicates();
        assertThat(fullest).startsWith("MAX([");
        assertThat(alarm.path("threshold").asText()).isEqualTo(plan.variable("broker_disk_used_alarm_percent"));
    }

    @Test
    void brokerStorageGrowsByItselfUpToTheMaximumAndNeverShrinks() {
        TerraformPlan plan = stacks.plan(PlannedStacks.PRODUCTION);
        JsonNode target = plan.after("aws_appautoscaling_target.broker_storage");
        JsonNode policy = plan.after("aws_appautoscaling_policy.broker_storage");

        assertThat(target.path("service_namespace").asText()).isEqualTo("kafka");
        assertThat(target.path("scalable_dimension").asText()).isEqualTo("kafka:broker-storage:VolumeSize");
        assertThat(target.path("max_capacity").asInt()).isEqualTo(StackVariables.BROKER_VOLUME_MAX_GIB);
        JsonNode tracking = policy.at("/target_tracking_scaling_policy_configuration/0");
        assertThat(tracking.at("/predefined_metric_specification/0/predefined_metric_type")
                        .asText())
                .isEqualTo("KafkaBrokerStorageUtilization");
        assertThat(tracking.path("disable_scale_in").asBoolean()).isTrue();
    }

    @ParameterizedTest
    @MethodSource("variableSets")
    void deadLetterAlarmsAddUpEveryBrokersTrafficOnBothDeadLetterTopics(StackVariables variables) {
        TerraformPlan plan = stacks.plan(variables);
        int brokers = Integer.parseInt(plan.variable("broker_count"));

        for (String source : List.of("enricher", "sink")) {
            JsonNode queries = plan.after("aws_cloudwatch_metric_alarm.dead_letters[\"" + source + "\"]")
                    .path("metric_query");
            List<String> topics = new ArrayList<>();
            List<String> brokerIds = new ArrayList<>();
            String sum = null;
            for (JsonNode query : queries) {
                if (query.path("return_data").asBoolean()) {
                    sum = query.path("expression").asText();
                } else {
                    topics.add(query.at("/metric/0/dimensions/Topic").asText());
                    brokerIds.add(query.at("/metric/0/dimensions/Broker ID").asText());
                }
            }
            assertThat(brokerIds).as(source).hasSize(brokers).doesNotHaveDuplicates();
            assertThat(topics).as(source).containsOnly(deadLetterTopic(source));
            assertThat(sum).as(source).startsWith("SUM([").contains("broker" + brokers);
        }
    }

    @Test
    void alarmsNotifyTheGivenTopicWhenTheyFireAndWhenTheyClear() {
        TerraformPlan plan = stacks.plan(PlannedStacks.PRODUCTION);

        for (String alarm : plan.addresses("aws_cloudwatch_metric_alarm")) {
            JsonNode after = plan.after(alarm);
            assertThat(texts(after.path("alarm_actions"))).as(alarm).containsExactly(StackVariables.ALARM_TOPIC);
            assertThat(texts(after.path("ok_actions"))).as(alarm).containsExactly(StackVariables.ALARM_TOPIC);
        }
    }

    @ParameterizedTest
    @MethodSource("variableSets")
    void everyLogGroupIsKeptAsLongAsTheVariableSaysAndTheBrokersAndConnectorsLogIntoThem(StackVariables variables) {
        TerraformPlan plan = stacks.plan(variables);
        List<String> created = new ArrayList<>();

        for (String group : plan.addresses("aws_cloudwatch_log_group")) {
            assertThat(plan.after(group).path("retention_in_days").asText())
                    .as(group)
                    .isEqualTo(plan.variable("log_retention_days"));
            created.add(plan.after(group).path("name").asText());
        }
        assertThat(created)
                .contains(plan.after("aws_msk_cluster.this")
                        .at("/logging_info/0/broker_logs/0/cloudwatch_logs/0/log_group")
                        .asText());
        for (String version : variables.versions()) {
            assertThat(created)
                    .contains(plan.after("aws_mskconnect_connector.s3_sink[\"" + version + "\"]")
                            .at("/log_delivery/0/worker_log_delivery/0/cloudwatch_logs/0/log_group")
                            .asText())
                    .contains("/" + variables.stack() + "/enricher/"
                            + PipelineVersion.of(version).applicationId());
        }
    }

    private static Map<String, String> dimensions(TerraformPlan plan, String alarm) {
        Map<String, String> dimensions = new LinkedHashMap<>();
        plan.after("aws_cloudwatch_metric_alarm." + alarm)
                .path("dimensions")
                .fields()
                .forEachRemaining(
                        field -> dimensions.put(field.getKey(), field.getValue().asText()));
        return dimensions;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(element -> texts.add(element.asText()));
        return texts;
    }

    private static String deadLetterTopic(String source) {
        return source.equals("enricher") ? SharedNames.DEAD_LETTER_TOPIC : SharedNames.SINK_DEAD_LETTER_TOPIC;
    }

    /** The enricher's env vars are unknown at plan time (they name the brokers); the output carries the same local. */
    @Test
    void topicRetentionIsStatedForEveryTopicAsTheServiceReadsIt() {
        assertThat(stacks.plan(PlannedStacks.MINIMAL).output("topic_retention").toString())
                .isEqualTo("{\"dead_letter\":\"28d\",\"processed\":\"7d\",\"raw\":\"forever\",\"raw_local\":null}");
        assertThat(stacks.plan(PlannedStacks.PRODUCTION)
                        .output("topic_retention")
                        .toString())
                .isEqualTo("{\"dead_letter\":\"28d\",\"processed\":\"14d\",\"raw\":\"400d\",\"raw_local\":\"3d\"}");
    }
}
