package org.sagebionetworks.accessrecords.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sagebionetworks.accessrecords.connect.Layout;
import org.sagebionetworks.accessrecords.connect.SinkConnectorConfig;
import org.sagebionetworks.accessrecords.schema.AccessRecordContract;

/** The Glue table Terraform declares against the data contract and against where the sink writes. */
class GlueTableTest {

    private static final TerraformConfig TF = TerraformConfig.load();
    private static final String TABLE = TF.blockText("resource", "aws_glue_catalog_table", "processed");

    @Test
    void terraformReadsTheContractSchemaFileAndTheLayoutFileOfTheChosenLayout() throws Exception {
        assertThat(TF.localText("processed_schema"))
                .isEqualTo(
                        "jsondecode(file(\"${path.module}/../schemas/src/main/avro/processed-access-record.avsc\"))");
        assertThat(new Schema.Parser().parse(Repository.PROCESSED_SCHEMA.toFile()))
                .isEqualTo(AccessRecordContract.processed());
        assertThat(TF.localText("layout"))
                .isEqualTo("jsondecode(file(\"${path.module}/../connect-config/layouts/${var.layout}.json\"))");
    }

    @Test
    void theColumnsTerraformDerivesAreTheContractsColumnsInOrderWithTheTypesAthenaNeeds() {
        assertThat(TF.localText("contract_columns").replaceAll("\\s+", " ")).isEqualTo(GlueColumns.DERIVATION);
        Map<?, ?> glueTypes = (Map<?, ?>) TF.entries("locals").get("glue_types");

        Map<String, String> derived = GlueColumns.derivedByTerraform(Repository.PROCESSED_SCHEMA, glueTypes);

        Map<String, String> expected = GlueColumns.expected(AccessRecordContract.processed());
        assertThat(derived).containsExactlyEntriesOf(expected);
        assertThat(expected)
                .containsEntry("timestamp", "timestamp")
                .containsEntry("record_date", "date")
                .containsEntry("user_id", "bigint")
                .containsEntry("success", "boolean")
                .containsEntry("client", "string");
    }

    /** Glue takes a column comment of up to 255 characters and a table description of up to 2048. */
    @Test
    void theTablesAndEveryColumnsCommentsAreTheSchemasDocs() {
        Schema contract = AccessRecordContract.processed();
        Map<String, String> docs = new LinkedHashMap<>();
        contract.getFields().forEach(field -> docs.put(field.name(), field.doc()));

        assertThat(TF.localText("column_comments").replaceAll("\\s+", " ")).isEqualTo(GlueColumns.COMMENTS);
        assertThat(GlueColumns.commentsDerivedByTerraform(Repository.PROCESSED_SCHEMA))
                .containsExactlyEntriesOf(docs);
        assertThat(docs)
                .allSatisfy((column, doc) ->
                        assertThat(doc).as(column + "'s doc").isNotBlank().hasSizeLessThanOrEqualTo(255));
        assertThat(HclText.attribute(
                        HclText.block(HclText.block(TABLE, "dynamic\\s+\"columns\""), "content"), "comment"))
                .hasValue("lookup(local.column_comments, columns.value.name, null)");
        assertThat(HclText.attribute(
                        HclText.block(HclText.block(TABLE, "dynamic\\s+\"partition_keys\""), "content"), "comment"))
                .hasValue("lookup(local.column_comments, partition_keys.value.name, null)");
        String description = HclTemplate.render(
                HclText.attribute(TABLE, "description").orElseThrow(),
                Map.of(
                        "local.processed_schema.doc",
                        contract.getDoc(),
                        "each.key",
                        "v1",
                        "each.value.connector_name",
                        PipelineNames.STACK + "-s3-sink-v1"));
        assertThat(description).startsWith(contract.getDoc()).hasSizeLessThanOrEqualTo(2048);
    }

    @ParameterizedTest
    @EnumSource(Layout.class)
    void aPartitionKeyIsNeverAlsoADataColumn(Layout layout) {
        assertThat(TF.localText("partition_keys")).isEqualTo("[for key in local.layout.partition_keys : key.name]");
        assertThat(TF.localText("table_columns"))
                .isEqualTo(
                        "[for column in local.contract_columns : column if !contains(local.partition_keys, column.name)]");
        assertThat(HclText.block(TABLE, "dynamic\\s+\"columns\"")).contains("for_each = local.table_columns");
        assertThat(HclText.block(TABLE, "dynamic\\s+\"partition_keys\""))
                .contains("for_each = local.layout.partition_keys");

        List<String> contract = AccessRecordContract.processed().getFields().stream()
                .map(Schema.Field::name)
                .toList();
        List<String> columns = contract.stream()
                .filter(name -> !layout.partitionKeys().contains(name))
                .toList();

        assertThat(columns.contains("record_date")).isEqualTo(layout == Layout.YEAR_MONTH_DAY);
        assertThat(columns).hasSize(contract.size() - (layout == Layout.RECORD_DATE ? 1 : 0));
        for (JsonNode key : layout.definition().get("partition_keys")) {
            assertThat(key.get("type").asText()).as(key.toString()).isIn("string", "date", "int");
        }
    }

    @ParameterizedTest
    @EnumSource(Layout.class)
    void partitionProjectionCoversEveryKeyOfTheLayoutAsAthenaRequires(Layout layout) {
        assertThat(TF.localText("partition_projection").replaceAll("\\s+", " "))
                .isEqualTo(
                        "{ for setting in flatten([ for key in local.layout.partition_keys : [ for name, value in key.projection :"
                                + " { key = \"projection.${key.name}.${name}\", value = value } ] ]) : setting.key => setting.value }");
        Map<String, String> projection = new LinkedHashMap<>();
        layout.definition()
                .get("partition_keys")
                .forEach(key -> key.get("projection")
                        .fields()
                        .forEachRemaining(setting -> projection.put(
                                "projection." + key.get("name").asText() + "." + setting.getKey(),
                                setting.getValue().asText())));

        for (String key : layout.partitionKeys()) {
            String type = projection.get("projection." + key + ".type");
            assertThat(type).as(key).isIn("integer", "date");
            assertThat(projection).as(key).containsKey("projection." + key + ".range");
            if (type.equals("date")) {
                assertThat(projection).containsKeys("projection." + key + ".format");
            }
        }
        assertThat(projection.keySet()).allMatch(name -> layout.partitionKeys().contains(name.split("\\.")[1]));
        assertThat(HclText.attribute(TABLE, "parameters").orElseThrow())
                .startsWith("merge(local.partition_projection, {");
        assertThat(parameter("projection.enabled")).isEqualTo("\"true\"");
    }

    /**
     * A projected key's range is every partition Athena reads; a day outside it is silently missing from every
     * answer. A start relative to NOW would drop the oldest day of history each day, so both layouts start at the
     * same fixed day, the first of the year-month-day layout's first year.
     */
    @Test
    void bothLayoutsProjectTheSameFixedFirstDaySoHistoryNeverFallsOutOfTheTable() {
        JsonNode years =
                Layout.YEAR_MONTH_DAY.definition().get("partition_keys").get(0);
        JsonNode recordDate =
                Layout.RECORD_DATE.definition().get("partition_keys").get(0);
        assertThat(years.get("name").asText()).isEqualTo("year");
        String firstYear = years.at("/projection/range").asText().split(",")[0];

        String[] range = recordDate.at("/projection/range").asText().split(",");

        assertThat(range[0])
                .as("record_date's first projected day, in the projection's format")
                .isEqualTo(LocalDate.of(Integer.parseInt(firstYear), 1, 1)
                        .format(DateTimeFormatter.ofPattern(
                                recordDate.at("/projection/format").asText())));
        assertThat(range[1]).isEqualTo("NOW");
    }

    @ParameterizedTest
    @EnumSource(Layout.class)
    void theTableLocationAndItsTemplateAreWhereTheConnectorWritesEachDay(Layout layout) {
        Map<String, String> names = PipelineNames.of(TF, "v1");
        Map<String, String> variables = new LinkedHashMap<>();
        SinkConnectorConfig.VARIABLES.forEach(name -> variables.put(name, "x"));
        variables.putAll(Map.of(
                "lake_bucket",
                PipelineNames.LAKE_BUCKET,
                "topics_dir",
                names.get("topics_dir"),
                "processed_topic",
                names.get("processed_topic")));
        Map<String, String> sink = SinkConnectorConfig.production(layout, variables);
        String connectorFolder =
                "s3://" + sink.get("s3.bucket.name") + "/" + sink.get("topics.dir") + "/" + sink.get("topics") + "/";

        assertThat(TF.localText("table_locations"))
                .isEqualTo("{ for v, p in local.pipelines : v => format(\"s3://%s/%s/%s/\", "
                        + "local.lake_bucket, local.lake_topics_dirs[v], p.processed_topic) }");
        String location = String.format(
                "s3://%s/%s/%s/", PipelineNames.LAKE_BUCKET, names.get("topics_dir"), names.get("processed_topic"));
        assertThat(location)
                .isEqualTo(connectorFolder)
                .isEqualTo("s3://" + PipelineNames.LAKE_BUCKET + "/processed/v1/synapse.accessrecords.processed.v1/");
        assertThat(HclText.attribute(HclText.block(TABLE, "storage_descriptor"), "location")
                        .orElseThrow())
                .isEqualTo("local.table_locations[each.key]");
        String template = HclTemplate.render(
                parameter("storage.location.template"),
                Map.of(
                        "local.table_locations[each.key]",
                        location,
                        "local.layout.location_template",
                        layout.locationTemplate()));
        assertThat(template).isEqualTo(connectorFolder + layout.locationTemplate());
        assertThat(template)
                .contains(Set.of("${record_date}", "${year}").stream()
                        .filter(layout.locationTemplate()::contains)
                        .findFirst()
                        .orElseThrow());
    }

    @Test
    void theTableIsExternalParquet() {
        Map<String, Object> table = TF.block("resource", "aws_glue_catalog_table", "processed");
        Map<?, ?> storage = (Map<?, ?>) table.get("storage_descriptor");

        assertThat(table.get("table_type")).isEqualTo("EXTERNAL_TABLE");
        assertThat(storage.get("input_format"))
                .isEqualTo("org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat");
        assertThat(((Map<?, ?>) storage.get("ser_de_info")).get("serialization_library"))
                .isEqualTo("org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe");
        assertThat(table.get("for_each")).hasToString("local.pipelines");
        assertThat(parameter("EXTERNAL")).isEqualTo("\"TRUE\"");
    }

    /** An entry of the literal map that {@code parameters} merges over the projection settings. */
    private static String parameter(String name) {
        String parameters = HclText.attribute(TABLE, "parameters").orElseThrow();
        int open = parameters.indexOf('{');
        return HclText.attribute(parameters.substring(open + 1, HclText.closing(parameters, open)), name)
                .orElseThrow(() -> new AssertionError("no table parameter " + name));
    }
}
