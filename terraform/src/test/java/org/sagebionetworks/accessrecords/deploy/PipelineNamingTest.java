package org.sagebionetworks.accessrecords.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sagebionetworks.accessrecords.schema.PipelineVersion;
import org.sagebionetworks.accessrecords.schema.SharedNames;

/**
 * The team's naming conventions as Terraform writes them, checked against the service's documented defaults
 * (which are the v1 names) so that Terraform, the service and docker-compose.yml name the same things.
 */
class PipelineNamingTest {

    private static final TerraformConfig TF = TerraformConfig.load();
    private static final ServiceConfiguration SERVICE = ServiceConfiguration.fromServicePage();

    @ParameterizedTest
    @ValueSource(strings = {"v1", "v2", "v17"})
    void terraformNamesAVersionAsPipelineVersionDerivesIt(String name) {
        PipelineVersion version = PipelineVersion.of(name);

        assertThat(PipelineNames.of(TF, name))
                .containsEntry("application_id", version.applicationId())
                .containsEntry("processed_topic", version.processedTopic())
                .containsEntry("topics_dir", version.topicsDir())
                .containsEntry("table_name", version.glueTable());
    }

    @Test
    void theServicesDocumentedDefaultsAreTerraformsNamesForTheDefaultVersion() {
        String version = SERVICE.defaultOf("ACCESS_RECORDS_PIPELINE_VERSION");
        Map<String, String> names = PipelineNames.of(TF, version);

        assertThat(version).isEqualTo(((Map<?, ?>) TF.entries("variable").get("pipeline_version")).get("default"));
        assertThat(SERVICE.defaultOf("ACCESS_RECORDS_APPLICATION_ID").replace("<version>", version))
                .isEqualTo(names.get("application_id"));
        assertThat(SERVICE.defaultOf("ACCESS_RECORDS_TOPICS_PROCESSED").replace("<version>", version))
                .isEqualTo(names.get("processed_topic"));
        assertThat(PipelineNames.literalLocal(TF, "raw_topic"))
                .isEqualTo(SERVICE.defaultOf("ACCESS_RECORDS_TOPICS_RAW"));
        assertThat(PipelineNames.literalLocal(TF, "dead_letter_topic"))
                .isEqualTo(SERVICE.defaultOf("ACCESS_RECORDS_TOPICS_DEAD_LETTER"));
    }

    @Test
    void theNamesAllVersionsShareAreSharedNamesOnes() {
        assertThat(PipelineNames.literalLocal(TF, "raw_topic")).isEqualTo(SharedNames.RAW_TOPIC);
        assertThat(PipelineNames.literalLocal(TF, "dead_letter_topic")).isEqualTo(SharedNames.DEAD_LETTER_TOPIC);
        assertThat(PipelineNames.literalLocal(TF, "sink_dead_letter_topic"))
                .isEqualTo(SharedNames.SINK_DEAD_LETTER_TOPIC);
        assertThat(((Map<?, ?>) TF.entries("variable").get("view_name")).get("default"))
                .isEqualTo(SharedNames.VIEW);
    }

    @Test
    void aVersionOwnsItsApplicationTopicFolderTableAndConnector() {
        Map<String, String> v2 = PipelineNames.of(TF, "v2");

        assertThat(v2)
                .containsEntry("application_id", "synapse-access-records-v2")
                .containsEntry("processed_topic", "synapse.accessrecords.processed.v2")
                .containsEntry("topics_dir", "processed/v2")
                .containsEntry("table_name", "processedaccessrecord_v2")
                .containsEntry("connector_name", PipelineNames.STACK + "-s3-sink-v2")
                .containsEntry("history_topic", "synapse.accessrecords.history.v2");
        assertThat(TF.localText("pipeline_versions"))
                .isEqualTo("toset(distinct(concat([var.pipeline_version], var.extra_pipeline_versions)))");
        assertThat(((Map<?, ?>) TF.entries("variable").get("pipeline_version")).get("default"))
                .isEqualTo("v1");
    }

    @Test
    void theViewTheQueriesReadIsSwitchedToThePipelineVersionsTable() {
        String switchView = TF.blockText("resource", "aws_athena_named_query", "switch_view");
        String query = HclText.attribute(switchView, "query").orElseThrow();

        assertThat(query)
                .contains("CREATE OR REPLACE VIEW ${local.view_name} AS")
                .contains("aws_glue_catalog_table.processed[var.pipeline_version].name")
                .contains("local.view_columns");
        assertThat(TF.localText("view_columns"))
                .startsWith("concat(")
                .contains("local.contract_columns")
                .contains("local.partition_keys");
    }

    @Test
    void everyQueryFileBecomesANamedQueryOfTheWorkgroup() {
        String queries = TF.blockText("resource", "aws_athena_named_query", "queries");

        assertThat(HclText.attribute(queries, "for_each"))
                .hasValue("fileset(\"${path.module}/../queries\", \"*.sql\")");
        assertThat(HclText.attribute(queries, "query")).hasValue("file(\"${path.module}/../queries/${each.value}\")");
        assertThat(HclText.attribute(queries, "workgroup")).hasValue("aws_athena_workgroup.this.name");
        Map<String, Object> workgroup = TF.block("resource", "aws_athena_workgroup", "this");
        Map<?, ?> configuration = (Map<?, ?>) workgroup.get("configuration");
        assertThat(configuration.get("enforce_workgroup_configuration")).isEqualTo(true);
        assertThat(((Map<?, ?>) configuration.get("engine_version")).get("selected_engine_version"))
                .isEqualTo("Athena engine version 3");
        String configurationText =
                HclText.block(TF.blockText("resource", "aws_athena_workgroup", "this"), "configuration");
        assertThat(HclText.attribute(configurationText, "bytes_scanned_cutoff_per_query"))
                .hasValue("var.athena_bytes_scanned_cutoff");
    }
}
