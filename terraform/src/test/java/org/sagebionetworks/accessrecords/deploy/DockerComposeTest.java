package org.sagebionetworks.accessrecords.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.sagebionetworks.accessrecords.connect.Layout;
import org.sagebionetworks.accessrecords.connect.SinkConnectorConfig;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml names what the service's configuration, connect-config/ and the Terraform (version v1)
 * name. It lives in this module because it checks against the same facts (the configuration table of
 * docs/service.md, Terraform naming).
 */
class DockerComposeTest {

    private static final Map<String, Object> SERVICES = services();
    private static final ServiceConfiguration SERVICE = ServiceConfiguration.fromServicePage();
    private static final TerraformConfig TF = TerraformConfig.load();

    @Test
    void theStackIsKraftKafkaConnectWithConfluentsS3SinkMinioTheEnricherAndTwoOneShots() {
        assertThat(SERVICES)
                .containsOnlyKeys("kafka", "minio", "minio-buckets", "enricher", "connect", "register-connector");
        assertThat(image("kafka")).startsWith("apache/kafka:3.9.");
        assertThat(environment("kafka").get("KAFKA_PROCESS_ROLES")).isEqualTo("broker,controller");
        assertThat(image("connect")).startsWith("confluentinc/cp-kafka-connect:");
        assertThat(String.join(" ", strings(service("connect").get("command"))))
                .containsPattern("confluent-hub install --no-prompt confluentinc/kafka-connect-s3:\\S+")
                .contains("cp /synapse-access-records-plugins/*.jar "
                        + "/usr/share/confluent-hub-components/confluentinc-kafka-connect-s3/lib/");
        assertThat(strings(service("connect").get("volumes")))
                .as("the converter the sink's value.converter names, beside Confluent's jars")
                .anyMatch(volume -> volume.startsWith("./processed-record-converter/target/processed-record-converter-")
                        && volume.contains(":/synapse-access-records-plugins/"));
        assertThat(service("enricher").get("build")).isEqualTo("./enricher-service");
        assertThat(Repository.read(Repository.ROOT.resolve("enricher-service/Dockerfile")))
                .contains("COPY target/enricher-service.jar")
                .contains("EXPOSE 8080");
    }

    @Test
    void theEnricherUsesDocumentedVariablesTheV1NamesAndItsPort() {
        Map<String, String> enricher = environment("enricher");
        Map<String, String> v1 = PipelineNames.of(TF, "v1");

        assertThat(enricher.keySet()).allMatch(SERVICE.environmentVariables()::contains);
        assertThat(enricher)
                .containsEntry("ACCESS_RECORDS_APPLICATION_ID", v1.get("application_id"))
                .containsEntry("ACCESS_RECORDS_TOPICS_PROCESSED", v1.get("processed_topic"))
                .containsEntry("ACCESS_RECORDS_TOPICS_RAW", SERVICE.defaultOf("ACCESS_RECORDS_TOPICS_RAW"))
                .containsEntry(
                        "ACCESS_RECORDS_TOPICS_DEAD_LETTER", SERVICE.defaultOf("ACCESS_RECORDS_TOPICS_DEAD_LETTER"))
                .containsEntry("MICRONAUT_SERVER_PORT", SERVICE.defaultOf("MICRONAUT_SERVER_PORT"));
        assertThat(strings(service("enricher").get("ports"))).contains("8080:8080");
        assertThat(String.join(" ", strings(((Map<?, ?>) service("enricher").get("healthcheck")).get("test"))))
                .contains("http://localhost:8080/health/readiness");
    }

    @Test
    void everyKafkaClientBootstrapsFromTheBrokersInternalListener() {
        String advertised = environment("kafka").get("KAFKA_ADVERTISED_LISTENERS");
        Matcher internal = Pattern.compile("INTERNAL://([^,]+)").matcher(advertised);
        assertThat(internal.find()).as(advertised).isTrue();

        assertThat(environment("enricher").get("KAFKA_BOOTSTRAP_SERVERS")).isEqualTo(internal.group(1));
        assertThat(environment("connect").get("CONNECT_BOOTSTRAP_SERVERS")).isEqualTo(internal.group(1));
        assertThat(environment("connect").get("CONNECT_REST_PORT")).isEqualTo("8083");
        assertThat(strings(service("connect").get("ports"))).contains("8083:8083");
        assertThat(environment("register-connector").get("CONNECT_URL")).isEqualTo("http://connect:8083");
    }

    @Test
    void theRegistrationRendersS3SinkJsonInTheDefaultLayoutWithEveryPlaceholderAndTheV1Names() {
        Map<String, String> register = environment("register-connector");
        Set<String> needed = new TreeSet<>(SinkConnectorConfig.placeholders(SinkConnectorConfig.read("s3-sink.json")));
        needed.addAll(SinkConnectorConfig.placeholders(SinkConnectorConfig.read("local.json")));
        needed.remove("path_format");

        assertThat(register.keySet()).containsAll(needed);
        assertThat(register).containsEntry("layout", "record-date");
        assertThat(Layout.named(register.get("layout"))).isEqualTo(Layout.DEFAULT);
        assertThat(register)
                .containsEntry("processed_topic", environment("enricher").get("ACCESS_RECORDS_TOPICS_PROCESSED"))
                .containsEntry("topics_dir", PipelineNames.of(TF, "v1").get("topics_dir"))
                .containsEntry("sink_dead_letter_topic", PipelineNames.literalLocal(TF, "sink_dead_letter_topic"))
                .containsEntry("s3_endpoint", "http://minio:9000");
        assertThat(String.join(" ", strings(service("minio-buckets").get("command"))))
                .contains("local/" + register.get("lake_bucket"));
        assertThat(strings(service("register-connector").get("volumes")))
                .contains("./connect-config:/connect-config:ro");
    }

    @Test
    void withConfluentsPluginOnlyLocalJsonsEndpointSettingsAreAdded() {
        String script = Repository.read(Repository.ROOT.resolve("docker/register-connector.py"));
        Matcher keys = Pattern.compile("ENDPOINT_KEYS = \\(([^)]*)\\)").matcher(script);
        assertThat(keys.find()).isTrue();
        List<String> added = Pattern.compile("\"([^\"]+)\"")
                .matcher(keys.group(1))
                .results()
                .map(m -> m.group(1))
                .toList();

        Set<String> localChanges = new TreeSet<>();
        SinkConnectorConfig.read("local.json").fieldNames().forEachRemaining(localChanges::add);
        localChanges.removeAll(Set.of("description", "connector.class"));
        assertThat(added).containsExactlyInAnyOrderElementsOf(localChanges).contains("store.url");
        assertThat(script)
                .contains("\"s3-sink.json\"")
                .contains("\"local.json\"")
                .contains("\"layouts\"");
        assertThat(environment("connect").get("AWS_ACCESS_KEY_ID"))
                .isEqualTo(environment("minio").get("MINIO_ROOT_USER"));
    }

    private static Map<String, Object> services() {
        Map<String, Object> compose = new Yaml().load(Repository.read(Repository.COMPOSE));
        @SuppressWarnings("unchecked")
        Map<String, Object> services = (Map<String, Object>) compose.get("services");
        return services;
    }

    private static Map<?, ?> service(String name) {
        assertThat(SERVICES).containsKey(name);
        return (Map<?, ?>) SERVICES.get(name);
    }

    private static String image(String name) {
        return String.valueOf(service(name).get("image"));
    }

    /** A service's environment with every value as the container sees it (YAML numbers become text). */
    private static Map<String, String> environment(String name) {
        Map<String, String> environment = new LinkedHashMap<>();
        ((Map<?, ?>) service(name).get("environment"))
                .forEach((key, value) -> environment.put(String.valueOf(key), String.valueOf(value)));
        return environment;
    }

    private static List<String> strings(Object list) {
        List<String> strings = new ArrayList<>();
        if (list instanceof List<?> items) {
            items.forEach(item -> strings.add(String.valueOf(item)));
        } else {
            strings.add(String.valueOf(list));
        }
        return strings;
    }
}
