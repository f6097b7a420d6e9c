package org.sagebionetworks.accessrecords.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sagebionetworks.accessrecords.converter.ProcessedRecordConverter;
import org.sagebionetworks.accessrecords.schema.AccessRecordContract;
import org.sagebionetworks.accessrecords.schema.PipelineVersion;

/** The sink configuration against the data contract and against what makes the sink exactly-once. */
class SinkConnectorConfigContractTest {

    private static final JsonNode SINK = SinkConnectorConfig.read("s3-sink.json");
    private static final List<Instant> DAY_EDGES = List.of(
            Instant.parse("2023-11-14T23:59:59.999Z"), Instant.parse("2023-11-15T00:00:00.000Z"),
            Instant.parse("2024-02-29T12:00:00Z"), Instant.parse("2023-01-01T00:00:00Z"));

    @Test
    void theTimestampFieldIsTheContractsTimestampMillisColumn() {
        Schema.Field field = AccessRecordContract.processed()
                .getField(SINK.get("timestamp.field").asText());

        assertThat(field).as("timestamp.field names a processed column").isNotNull();
        assertThat(field.schema().getLogicalType()).isInstanceOf(LogicalTypes.TimestampMillis.class);
        assertThat(field.schema().isNullable()).as("every row has it").isFalse();
    }

    @Test
    void rotationAndPartitioningAreDeterministicSoARestartRewritesTheSameKeys() {
        assertThat(SINK.has("rotate.schedule.interval.ms"))
                .as("wall-clock rotation")
                .isFalse();
        assertThat(SINK.get("timestamp.extractor").asText()).isIn("RecordField", "Record");
        assertThat(SINK.get("timezone").asText()).isEqualTo("UTC");
        assertThat(SINK.get("partition.duration.ms").asText()).isEqualTo("86400000");
        assertThat(SINK.get("partitioner.class").asText()).endsWith("TimeBasedPartitioner");
        assertThat(SINK.get("flush.size").asText()).isNotBlank();
        assertThat(SINK.get("rotate.interval.ms").asText()).isNotBlank();
    }

    @Test
    void readsOnlyCommittedAvroRowsAsParquetAndKeepsWhatItCannotWrite() {
        assertThat(SINK.get("consumer.override.isolation.level").asText()).isEqualTo("read_committed");
        assertThat(SINK.get("value.converter").asText()).isEqualTo(ProcessedRecordConverter.class.getName());
        assertThat(SINK.get("format.class").asText()).endsWith("ParquetFormat");
        assertThat(SINK.get("parquet.codec").asText()).isEqualTo("snappy");
        assertThat(SINK.get("behavior.on.null.values").asText()).isEqualTo("ignore");
        assertThat(SINK.get("errors.deadletterqueue.topic.name").asText()).isNotBlank();
        assertThat(SINK.get("errors.deadletterqueue.context.headers.enable").asText())
                .isEqualTo("true");
    }

    /**
     * Said explicitly, not left to the plugin's defaults: a record for another day commits the open files (the
     * pinned Confluent release honours it), and a tombstone, which holds no row, is skipped without a dead letter
     * that would fire the dead-letter alarm. A sink task's consumer starts at the earliest offset by itself.
     */
    @Test
    void rotatesOnADayChangeSkipsTombstonesWithoutDeadLettersAndKeepsTheConsumersOffsetDefault() {
        assertThat(SINK.path("rotate.file.on.partition.change").asText()).isEqualTo("true");
        assertThat(SINK.path("report.null.values.to.dlq").asText()).isEqualTo("false");
        assertThat(SINK.has("consumer.override.auto.offset.reset"))
                .as("Kafka Connect sets auto.offset.reset=earliest for every sink task")
                .isFalse();
    }

    @ParameterizedTest
    @EnumSource(Layout.class)
    void theConnectorsFolderForADayIsTheGlueLocationTemplateForThatDay(Layout layout) {
        DateTimeFormatter connector =
                DateTimeFormatter.ofPattern(jodaToJavaTime(layout.pathFormat())).withZone(ZoneOffset.UTC);
        for (Instant instant : DAY_EDGES) {
            assertThat(connector.format(instant))
                    .as(layout + " at " + instant)
                    .isEqualTo(projected(layout, instant.atZone(ZoneOffset.UTC).toLocalDate()));
        }
    }

    @ParameterizedTest
    @EnumSource(Layout.class)
    void partitionKeysAreExactlyTheTemplatesPlaceholders(Layout layout) {
        List<String> inTemplate = SinkConnectorConfig.PLACEHOLDER
                .matcher(layout.locationTemplate())
                .results()
                .map(match -> match.group(1))
                .toList();

        assertThat(inTemplate).containsExactlyElementsOf(layout.partitionKeys());
    }

    @Test
    void theRecordDateLayoutPartitionsOnTheContractsDateColumn() {
        Schema.Field recordDate = AccessRecordContract.processed().getField("record_date");

        assertThat(Layout.RECORD_DATE.partitionKeys()).containsExactly("record_date");
        assertThat(recordDate.schema().getLogicalType()).isInstanceOf(LogicalTypes.Date.class);
        assertThat(Layout.YEAR_MONTH_DAY.partitionKeys())
                .noneMatch(key -> AccessRecordContract.processed().getField(key) != null);
    }

    /** Every dashboard filters on record_date, and today's table and its loaders read record_date= folders. */
    @Test
    void theDefaultLayoutIsRecordDateAndItsNameIsTheConstantCommandLinesUse() {
        assertThat(Layout.DEFAULT).isEqualTo(Layout.RECORD_DATE);
        assertThat(Layout.named(Layout.DEFAULT_NAME)).isEqualTo(Layout.DEFAULT);
    }

    @Test
    void everyPlaceholderIsADocumentedVariableAndAMissingValueIsRefused() {
        assertThat(SinkConnectorConfig.VARIABLES).containsAll(SinkConnectorConfig.placeholders(SINK));
        assertThat(SinkConnectorConfig.VARIABLES)
                .containsAll(SinkConnectorConfig.placeholders(SinkConnectorConfig.read("local.json")));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SinkConnectorConfig.production(Layout.YEAR_MONTH_DAY, Map.of()))
                .withMessageContaining("has no value");
    }

    @ParameterizedTest
    @EnumSource(Layout.class)
    void renderingFillsEveryPlaceholderOfBothFiles(Layout layout) {
        Map<String, String> variables = new HashMap<>();
        SinkConnectorConfig.VARIABLES.forEach(name -> variables.put(name, "v-" + name));

        assertThat(SinkConnectorConfig.local(layout, variables))
                .allSatisfy((key, value) -> assertThat(value).as(key).doesNotContain("${"));
        assertThat(SinkConnectorConfig.local(layout, variables)).containsEntry("store.url", "v-s3_endpoint");
    }

    @Test
    void aPlaceholderThatIsNotAVariableNameIsRefused() {
        ObjectNode file = new ObjectMapper().createObjectNode().put("store.url", "${S3-Endpoint}");

        assertThatIllegalArgumentException()
                .isThrownBy(() -> SinkConnectorConfig.render(file, Map.of()))
                .withMessageContaining("not a variable name");
    }

    @Test
    void theLocalConfigurationDiffersOnlyInConnectorClassAndEndpoint() {
        Map<String, String> variables = new HashMap<>();
        SinkConnectorConfig.VARIABLES.forEach(name -> variables.put(name, "v-" + name));

        Map<String, String> production = SinkConnectorConfig.production(Layout.YEAR_MONTH_DAY, variables);
        Map<String, String> local = SinkConnectorConfig.local(Layout.YEAR_MONTH_DAY, variables);

        Map<String, String> changed = new HashMap<>(local);
        changed.entrySet().removeIf(entry -> entry.getValue().equals(production.get(entry.getKey())));
        assertThat(changed).containsOnlyKeys("connector.class", "store.url", "s3.path.style.access.enabled");
        assertThat(local.get("path.format")).isEqualTo("'year'=YYYY/'month'=MM/'day'=dd");
    }

    @Test
    void aPipelineVersionsConnectorReadsItsOwnTopicAndWritesUnderItsOwnFolder() {
        Map<String, String> variables = new HashMap<>();
        SinkConnectorConfig.VARIABLES.forEach(name -> variables.put(name, "v-" + name));
        variables.putAll(SinkConnectorConfig.versionVariables(PipelineVersion.of("v2")));

        Map<String, String> config = SinkConnectorConfig.production(Layout.YEAR_MONTH_DAY, variables);

        assertThat(config)
                .containsEntry("topics", "synapse.accessrecords.processed.v2")
                .containsEntry("topics.dir", "processed/v2");
    }

    /** Joda's Y is the year of era; java.time's Y is the week-based year, so it becomes u. */
    private static String jodaToJavaTime(String joda) {
        StringBuilder out = new StringBuilder();
        boolean quoted = false;
        for (char c : joda.toCharArray()) {
            quoted ^= c == '\'';
            out.append(!quoted && c == 'Y' ? 'u' : c);
        }
        return out.toString();
    }

    /** The location template filled as Athena's partition projection fills it for {@code day}. */
    private static String projected(Layout layout, LocalDate day) {
        String path = layout.locationTemplate();
        for (JsonNode key : layout.definition().get("partition_keys")) {
            JsonNode projection = key.get("projection");
            String value = switch (key.get("name").asText()) {
                case "year" -> pad(day.getYear(), projection);
                case "month" -> pad(day.getMonthValue(), projection);
                case "day" -> pad(day.getDayOfMonth(), projection);
                default ->
                    DateTimeFormatter.ofPattern(projection.get("format").asText())
                            .format(day);
            };
            path = path.replace("${" + key.get("name").asText() + "}", value);
        }
        return path;
    }

    private static String pad(int value, JsonNode projection) {
        return String.format("%0" + projection.get("digits").asText() + "d", value);
    }
}
