package org.sagebionetworks.accessrecords.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sagebionetworks.accessrecords.connect.Layout;
import org.sagebionetworks.accessrecords.connect.SinkConnectorConfig;

/** The MSK Connect connector Terraform declares against connect-config/ and the platform's versions. */
class SinkConnectorTest {

    private static final TerraformConfig TF = TerraformConfig.load();
    private static final String CONNECTOR = TF.blockText("resource", "aws_mskconnect_connector", "s3_sink");

    @Test
    void theConnectorConfigurationIsS3SinkJsonRenderedWithEveryPlaceholderItUses() {
        List<List<String>> calls = HclText.calls(CONNECTOR, "templatefile");
        assertThat(calls).hasSize(1);
        List<String> arguments = calls.get(0);
        assertThat(arguments.get(0)).isEqualTo("\"${path.module}/../connect-config/s3-sink.json\"");
        assertThat(HclText.attribute(CONNECTOR, "connector_configuration").orElseThrow())
                .startsWith("jsondecode(templatefile(");

        Map<String, String> passed = HclText.objectLiteral(arguments.get(1));

        assertThat(passed.keySet())
                .containsAll(SinkConnectorConfig.placeholders(SinkConnectorConfig.read("s3-sink.json")))
                .allMatch(SinkConnectorConfig.VARIABLES::contains);
        assertThat(passed)
                .containsEntry("path_format", "each.value.path_format")
                .containsEntry("processed_topic", "each.value.topic")
                .containsEntry("topics_dir", "each.value.topics_dir")
                .containsEntry("connector_name", "each.value.connector_name")
                .containsEntry("sink_dead_letter_topic", "local.sink_dead_letter_topic")
                .containsEntry("lake_bucket", "local.lake_bucket");
    }

    @Test
    void theLayoutSettingAcceptsExactlyTheLayoutFilesAndDefaultsToRecordDate() {
        Map<?, ?> layout = (Map<?, ?>) TF.entries("variable").get("layout");
        String validation = HclText.block(TF.text(), "variable\\s+\"layout\"");
        String condition = HclText.attribute(HclText.block(validation, "validation"), "condition")
                .orElseThrow();

        assertThat(layout.get("default")).isEqualTo("record-date").isEqualTo(Layout.DEFAULT.fileName());
        String[] allowed = Arrays.stream(Layout.values())
                .map(l -> "\"" + l.fileName() + "\"")
                .toArray(String[]::new);
        assertThat(condition).isEqualTo("contains([" + String.join(", ", allowed) + "], var.layout)");
        for (Layout each : Layout.values()) {
            assertThat(Repository.CONNECT_CONFIG.resolve("layouts/" + each.fileName() + ".json"))
                    .exists();
        }
    }

    @Test
    void mskRunsKafka39WithIamOverTlsAndConnectRunsTheVersionTheConfluentPluginNeeds() {
        Map<?, ?> variables = TF.entries("variable");
        Map<String, Object> cluster = TF.block("resource", "aws_msk_cluster", "this");
        Map<?, ?> encryption = (Map<?, ?>) ((Map<?, ?>) cluster.get("encryption_info")).get("encryption_in_transit");
        Map<String, Object> connector = TF.block("resource", "aws_mskconnect_connector", "s3_sink");

        assertThat(((Map<?, ?>) variables.get("kafka_version")).get("default")).isEqualTo("3.9.x.kraft");
        assertThat(((Map<?, ?>) variables.get("kafkaconnect_version")).get("default"))
                .isEqualTo("3.7.x");
        assertThat(((Map<?, ?>) ((Map<?, ?>) cluster.get("client_authentication")).get("sasl")).get("iam"))
                .isEqualTo(true);
        assertThat(encryption.get("client_broker")).isEqualTo("TLS");
        assertThat(encryption.get("in_cluster")).isEqualTo(true);
        assertThat(((Map<?, ?>) connector.get("kafka_cluster_client_authentication")).get("authentication_type"))
                .isEqualTo("IAM");
        assertThat(((Map<?, ?>) connector.get("kafka_cluster_encryption_in_transit")).get("encryption_type"))
                .isEqualTo("TLS");
        assertThat(HclText.attribute(HclText.block(CONNECTOR, "apache_kafka_cluster"), "bootstrap_servers")
                        .orElseThrow())
                .isEqualTo("aws_msk_cluster.this.bootstrap_brokers_sasl_iam");
    }

    @Test
    void thePluginIsTheZipSuppliedAtDeployTimeAndTheConnectorAutoscalesAndLogs() {
        String plugin = TF.blockText("resource", "aws_mskconnect_custom_plugin", "s3_sink");

        assertThat(HclText.attribute(HclText.block(plugin, "s3"), "file_key")).hasValue("var.sink_plugin_zip_key");
        assertThat(HclText.attribute(plugin, "content_type")).hasValue("\"ZIP\"");
        String autoscaling = HclText.block(CONNECTOR, "autoscaling");
        assertThat(HclText.attribute(autoscaling, "mcu_count")).hasValue("var.connector_mcu_count");
        assertThat(HclText.attribute(autoscaling, "max_worker_count")).hasValue("var.connector_max_workers");
        assertThat(HclText.attribute(HclText.block(CONNECTOR, "cloudwatch_logs"), "enabled"))
                .hasValue("true");
    }
}
