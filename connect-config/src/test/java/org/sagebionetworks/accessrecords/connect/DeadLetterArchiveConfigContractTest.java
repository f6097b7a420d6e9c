package org.sagebionetworks.accessrecords.connect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sagebionetworks.accessrecords.deadletters.DeadLetterEnvelope;
import org.sagebionetworks.accessrecords.schema.DeadLetterColumns;
import org.sagebionetworks.accessrecords.schema.SharedNames;

/** The archive connector's configuration against the transform, the columns and the promise to drop nothing. */
class DeadLetterArchiveConfigContractTest {

    private static final JsonNode ARCHIVE = SinkConnectorConfig.read(DeadLetterArchiveConfig.FILE);
    private static final String BYTES = "org.apache.kafka.connect.converters.ByteArrayConverter";

    @Test
    void theLetterReachesTheTransformAsTheBytesAndHeadersItWas() {
        assertThat(ARCHIVE.get("key.converter").asText()).isEqualTo(BYTES);
        assertThat(ARCHIVE.get("value.converter").asText()).isEqualTo(BYTES);
        assertThat(ARCHIVE.get("header.converter").asText()).isEqualTo(BYTES);
        assertThat(ARCHIVE.get("transforms").asText()).isEqualTo("envelope");
        assertThat(ARCHIVE.get("transforms.envelope.type").asText()).isEqualTo(DeadLetterEnvelope.class.getName());
        assertThat(ARCHIVE.get("consumer.override.isolation.level").asText()).isEqualTo("read_committed");
    }

    @Test
    void eachLetterIsAGzippedJsonLineInTheFolderOfTheDayItWasDeadLettered() {
        assertThat(ARCHIVE.get("format.class").asText()).isEqualTo("io.confluent.connect.s3.format.json.JsonFormat");
        assertThat(ARCHIVE.get("s3.compression.type").asText()).isEqualTo("gzip");
        assertThat(ARCHIVE.get("partitioner.class").asText()).endsWith("TimeBasedPartitioner");
        assertThat(ARCHIVE.get("timestamp.extractor").asText()).isEqualTo("RecordField");
        assertThat(ARCHIVE.get("timestamp.field").asText()).isEqualTo(DeadLetterColumns.DEAD_LETTERED_AT);
        assertThat(ARCHIVE.get("path.format").asText()).isEqualTo("'" + SharedNames.DEAD_LETTER_DATE + "'=YYYY-MM-dd");
        assertThat(ARCHIVE.get("timezone").asText()).isEqualTo("UTC");
        assertThat(ARCHIVE.get("partition.duration.ms").asText()).isEqualTo("86400000");
    }

    @Test
    void aLetterItCannotArchiveStopsItAndNothingIsDeadLetteredAgain() {
        assertThat(ARCHIVE.get("errors.tolerance").asText()).isEqualTo("none");
        assertThat(ARCHIVE.has("errors.deadletterqueue.topic.name")).isFalse();
        assertThat(ARCHIVE.get("behavior.on.null.values").asText()).isEqualTo("fail");
    }

    @Test
    void aQuietTopicsOpenFileIsCommittedByTheClockNotLeftForItsNextLetter() {
        assertThat(ARCHIVE.get("rotate.schedule.interval.ms").asText()).isNotBlank();
    }

    @Test
    void itUsesExactlyTheVariablesTerraformPasses() {
        assertThat(SinkConnectorConfig.placeholders(ARCHIVE)).isEqualTo(DeadLetterArchiveConfig.VARIABLES);
    }

    @Test
    void theLocalRunChangesOnlyTheConnectorAndTheEndpoint() {
        Map<String, String> variables = new HashMap<>();
        DeadLetterArchiveConfig.VARIABLES.forEach(name -> variables.put(name, "1"));
        variables.put("s3_endpoint", "http://127.0.0.1:9");

        Map<String, String> production = DeadLetterArchiveConfig.production(variables);
        Map<String, String> local = DeadLetterArchiveConfig.local(variables);

        local.keySet()
                .removeAll(production.keySet().stream()
                        .filter(key -> production.get(key).equals(local.get(key)))
                        .toList());
        assertThat(local).containsOnlyKeys("connector.class", "store.url", "s3.path.style.access.enabled");
    }
}
