package org.sagebionetworks.accessrecords.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The ECS task of enricher-service against the service's documented configuration and HTTP endpoints. */
class EnricherTaskTest {

    private static final TerraformConfig TF = TerraformConfig.load();
    private static final ServiceConfiguration SERVICE = ServiceConfiguration.fromServicePage();

    @Test
    void theTaskSetsOnlyDocumentedVariablesAndPointsTheServiceAtMskWithIam() {
        Map<String, String> environment = environment();

        assertThat(environment.keySet()).allMatch(SERVICE.environmentVariables()::contains);
        assertThat(environment)
                .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "aws_msk_cluster.this.bootstrap_brokers_sasl_iam")
                .containsEntry("ACCESS_RECORDS_MSK_IAM", "\"true\"")
                .containsEntry("ACCESS_RECORDS_APPLICATION_ID", "p.application_id")
                .containsEntry("ACCESS_RECORDS_TOPICS_RAW", "local.raw_topic")
                .containsEntry("ACCESS_RECORDS_TOPICS_PROCESSED", "p.processed_topic")
                .containsEntry("ACCESS_RECORDS_TOPICS_DEAD_LETTER", "local.dead_letter_topic")
                .containsEntry(
                        "ACCESS_RECORDS_TOPICS_HISTORY",
                        "contains(var.history_pipeline_versions, v) ? p.history_topic : null")
                .containsEntry("ACCESS_RECORDS_FRESHNESS_SINK_GROUP", "local.sink_groups[v]")
                .containsEntry("ACCESS_RECORDS_FRESHNESS_SERVING_SINK_GROUP", "local.serving_sink_group[v]")
                .containsEntry("MICRONAUT_SERVER_PORT", "\"" + SERVICE.defaultOf("MICRONAUT_SERVER_PORT") + "\"");
        assertThat(HclText.attribute(containerDefinitionText(), "environment"))
                .hasValue("[for name, value in local.enricher_environment[each.key] : { name = name, value = value } "
                        + "if value != null]");
    }

    @Test
    void theHealthCheckAsksTheReadinessEndpointOnTheServicePort() throws Exception {
        Object definitions =
                TF.block("resource", "aws_ecs_task_definition", "enricher").get("container_definitions");
        JsonNode container =
                new ObjectMapper().readTree(String.valueOf(definitions)).get(0);
        String command = container.get("healthCheck").get("command").get(1).asText();

        assertThat(SERVICE.httpPaths()).contains("/health/readiness");
        assertThat(command).contains("http://localhost:8080/health/readiness");
        assertThat(container.get("portMappings").get(0).get("containerPort").asInt())
                .isEqualTo(8080);
        assertThat(SERVICE.defaultOf("MICRONAUT_SERVER_PORT")).isEqualTo("8080");
        assertThat(Repository.read(Repository.ROOT.resolve("enricher-service/Dockerfile")))
                .as("the health check runs curl inside the image")
                .containsPattern("apt-get install[^\\n]* curl");
    }

    @Test
    void eachVersionRunsOnFargateWithItsOwnTaskRole() {
        Map<String, Object> service = TF.block("resource", "aws_ecs_service", "enricher");
        String task = TF.blockText("resource", "aws_ecs_task_definition", "enricher");
        String rolePolicy = TF.blockText("resource", "aws_iam_role_policy", "enricher");

        assertThat(service.get("launch_type")).isEqualTo("FARGATE");
        assertThat(service.get("for_each")).hasToString("local.pipelines");
        assertThat(HclText.attribute(task, "task_role_arn")).hasValue("aws_iam_role.enricher[each.key].arn");
        assertThat(HclText.attribute(rolePolicy, "policy"))
                .hasValue("data.aws_iam_policy_document.enricher[each.key].json");
        assertThat(HclText.attribute(task, "requires_compatibilities")).hasValue("[\"FARGATE\"]");
    }

    private static Map<String, String> environment() {
        String local = TF.localText("enricher_environment");
        int open = local.indexOf("=> {") + 3;
        Map<String, String> variables = new LinkedHashMap<>();
        Pattern.compile("(?m)^\\s*([A-Z][A-Z0-9_]+)\\s*=\\s*(.+?)\\s*$")
                .matcher(local.substring(open, HclText.closing(local, open)))
                .results()
                .forEach(match -> variables.put(match.group(1), match.group(2)));
        assertThat(variables).hasSizeGreaterThan(5);
        return variables;
    }

    private static String containerDefinitionText() {
        String task = TF.blockText("resource", "aws_ecs_task_definition", "enricher");
        String definitions = HclText.attribute(task, "container_definitions").orElseThrow();
        int open = definitions.indexOf('{');
        return definitions.substring(open + 1, HclText.closing(definitions, open));
    }
}
