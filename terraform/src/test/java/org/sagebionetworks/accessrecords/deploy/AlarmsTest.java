package org.sagebionetworks.accessrecords.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The alarms watch the consumer groups, topics and service the rest of the configuration names. */
class AlarmsTest {

    private static final TerraformConfig TF = TerraformConfig.load();

    @Test
    void lagAlarmsWatchTheEnrichersAndTheSinksConsumerGroups() {
        Map<String, String> v1 = PipelineNames.bindings(TF, "v1");
        Map<?, ?> enricher = dimensions("enricher_lag");
        Map<?, ?> sink = dimensions("sink_lag");

        assertThat(HclTemplate.renderValue(String.valueOf(enricher.get("Consumer Group")), v1))
                .isEqualTo("synapse-access-records-v1");
        assertThat(enricher.get("Topic")).hasToString("local.raw_topic");
        assertThat(TF.localText("sink_groups"))
                .isEqualTo("{ for key, sink in local.sinks : key => format(\"connect-%s\", sink.connector_name) }");
        assertThat(sink.get("Consumer Group")).hasToString("local.sink_groups.each.key");
        assertThat(sink.get("Topic")).hasToString("each.value.topic");
        assertThat(TF.block("resource", "aws_cloudwatch_metric_alarm", "enricher_lag")
                        .get("namespace"))
                .isEqualTo("AWS/Kafka");
    }

    @Test
    void deadLetterAlarmsCoverBothDeadLetterTopicsOnEveryBroker() {
        Map<?, ?> topics = (Map<?, ?>) TF.entries("locals").get("dead_letter_topics");
        String alarm = TF.blockText("resource", "aws_cloudwatch_metric_alarm", "dead_letters");

        assertThat(topics.values())
                .extracting(String::valueOf)
                .containsExactlyInAnyOrder("local.dead_letter_topic", "local.sink_dead_letter_topic");
        assertThat(HclText.attribute(HclText.block(alarm, "dynamic\\s+\"metric_query\""), "for_each"))
                .hasValue("local.broker_ids");
        assertThat(TF.localText("broker_ids")).isEqualTo("range(1, var.broker_count + 1)");
        assertThat(alarm).contains("metric_name = \"MessagesInPerSec\"").contains("\"Topic\"        = each.value");
    }

    @Test
    void theNotHealthyAlarmCountsTheServicesRunningTasks() {
        Map<String, Object> alarm = TF.block("resource", "aws_cloudwatch_metric_alarm", "enricher_unhealthy");

        assertThat(alarm.get("metric_name")).isEqualTo("RunningTaskCount");
        assertThat(alarm.get("treat_missing_data")).isEqualTo("breaching");
        assertThat(((Map<?, ?>) alarm.get("dimensions")).get("ServiceName"))
                .hasToString("aws_ecs_service.enricher.each.key.name");
    }

    private static Map<?, ?> dimensions(String alarm) {
        return (Map<?, ?>)
                TF.block("resource", "aws_cloudwatch_metric_alarm", alarm).get("dimensions");
    }
}
