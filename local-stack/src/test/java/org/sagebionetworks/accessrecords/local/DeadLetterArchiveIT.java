package org.sagebionetworks.accessrecords.local;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.sagebionetworks.accessrecords.connect.Layout;
import org.sagebionetworks.accessrecords.kafka.DeadLetterHeaders;
import org.sagebionetworks.accessrecords.queries.DeadLetterTable;
import org.sagebionetworks.accessrecords.queries.QueryFiles;
import org.sagebionetworks.accessrecords.schema.SharedNames;

/**
 * The dead-letter archive on a real broker, Connect worker (the archive's configuration, the envelope transform,
 * the stand-in sink writing Confluent's JsonFormat) and s3proxy: a letter from the service (a broken raw record it
 * rejects), one as the loader writes it (no key, bytes that are not UTF-8) and one from the table's sink (a
 * processed record it cannot write) each become one JSON line, with headers, reason and bytes, in the folder of
 * the day they were dead-lettered; and the example Athena query answers over them in DuckDB.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class DeadLetterArchiveIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] NOT_UTF8 = {'{', (byte) 0xC3, (byte) 0x28, '}'};
    private static final String CONNECT_DATA_EXCEPTION = "org.apache.kafka.connect.errors.DataException";
    private static final Path EXAMPLE_QUERY = Path.of("..", "queries", "dead-letters", "letters-by-reason-per-day.sql");
    private static final String LOADER_OBJECT = "s3://firehose/2026/03/01/part-0.gz";

    @TempDir
    Path work;

    @Test
    void everyDeadLetterTopicsLettersLandAsJsonLinesWithTheirHeadersAndAnswerTheExampleQuery() throws Exception {
        StackSettings settings = new StackSettings(work, 0, 0, 0);
        SinkSpec sink = SinkSpec.version(Layout.RECORD_DATE, StackSettings.VERSION.topicsDir(), 1000);
        try (LocalStack stack = LocalStack.start(settings);
                KafkaProducer<byte[], byte[]> producer = producer(stack)) {
            stack.addSink(sink);
            stack.addDeadLetterArchive(1000);

            producer.send(new ProducerRecord<>(
                    SharedNames.RAW_TOPIC, "session-broken".getBytes(UTF_8), "{not json".getBytes(UTF_8)));
            ProducerRecord<byte[], byte[]> loaderLetter =
                    new ProducerRecord<>(SharedNames.DEAD_LETTER_TOPIC, null, NOT_UTF8);
            DeadLetterHeaders.addArchiveSource(loaderLetter.headers(), "MALFORMED_JSON", "not JSON", LOADER_OBJECT, 7);
            producer.send(loaderLetter);
            producer.send(new ProducerRecord<>(
                    StackSettings.PROCESSED_TOPIC,
                    "session-odd".getBytes(UTF_8),
                    "{\"schema\":{\"type\":\"string\"},\"payload\":\"not a row\"}".getBytes(UTF_8)));
            producer.flush();

            List<JsonNode> letters = awaitLetters(stack, 3);
            String today = LocalDate.now(ZoneOffset.UTC).toString();

            JsonNode service = withHeader(letters, DeadLetterHeaders.SOURCE_TOPIC);
            assertThat(service.get("topic").asText()).isEqualTo(SharedNames.DEAD_LETTER_TOPIC);
            assertThat(service.get("key").asText()).isEqualTo("session-broken");
            assertThat(service.get("value").asText()).isEqualTo("{not json");
            assertThat(service.get("value_base64").isNull()).isTrue();
            assertThat(service.get("reason").asText()).isEqualTo("MALFORMED_JSON");
            assertThat(service.get("headers")
                            .get(DeadLetterHeaders.SOURCE_TOPIC)
                            .asText())
                    .isEqualTo(SharedNames.RAW_TOPIC);
            assertThat(service.get("headers")
                            .get(DeadLetterHeaders.ERROR_MESSAGE)
                            .asText())
                    .isNotBlank();
            assertThat(Instant.ofEpochMilli(service.get("dead_lettered_at").asLong()))
                    .isBetween(Instant.now().minus(PATIENCE.multipliedBy(2)), Instant.now());

            JsonNode loader = withHeader(letters, DeadLetterHeaders.SOURCE_OBJECT);
            assertThat(loader.get("key").isNull()).isTrue();
            assertThat(loader.get("value").isNull()).isTrue();
            assertThat(Base64.getDecoder().decode(loader.get("value_base64").asText()))
                    .isEqualTo(NOT_UTF8);
            assertThat(loader.get("reason").asText()).isEqualTo("MALFORMED_JSON");
            assertThat(loader.get("headers").get(DeadLetterHeaders.SOURCE_LINE).asText())
                    .isEqualTo("7");
            assertThat(loader.get("headers")
                            .get(DeadLetterHeaders.SOURCE_OBJECT)
                            .asText())
                    .isEqualTo(LOADER_OBJECT);

            JsonNode sinkLetter = withHeader(letters, "__connect.errors.topic");
            assertThat(sinkLetter.get("topic").asText()).isEqualTo(SharedNames.SINK_DEAD_LETTER_TOPIC);
            assertThat(sinkLetter.get("key").asText()).isEqualTo("session-odd");
            assertThat(sinkLetter.get("reason").asText()).isEqualTo(CONNECT_DATA_EXCEPTION);
            assertThat(sinkLetter.get("headers").get("__connect.errors.topic").asText())
                    .isEqualTo(StackSettings.PROCESSED_TOPIC);

            assertThat(archivedFiles(stack))
                    .allSatisfy(
                            file -> assertThat(file.getParent().getFileName().toString())
                                    .isEqualTo(SharedNames.DEAD_LETTER_DATE + "=" + today));
            assertThat(exampleQuery(stack))
                    .containsExactlyInAnyOrder(
                            today + " " + SharedNames.DEAD_LETTER_TOPIC + " MALFORMED_JSON 2",
                            today + " " + SharedNames.SINK_DEAD_LETTER_TOPIC + " " + CONNECT_DATA_EXCEPTION + " 1");
        }
    }

    private static JsonNode withHeader(List<JsonNode> letters, String header) {
        return letters.stream()
                .filter(letter -> letter.get("headers").has(header))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no archived letter has the header " + header + ": " + letters));
    }

    private static List<String> exampleQuery(LocalStack stack) throws Exception {
        String sql = QueryFiles.read(EXAMPLE_QUERY).sql();
        List<String> rows = new ArrayList<>();
        try (Connection duckdb = DeadLetterTable.over(stack.deadLetterArchiveDir());
                Statement statement = duckdb.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                rows.add(result.getString(1) + " " + result.getString(2) + " " + result.getString(3) + " "
                        + result.getLong(4));
            }
        }
        return rows;
    }

    private static List<JsonNode> awaitLetters(LocalStack stack, int expected) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        List<JsonNode> letters = readLetters(stack);
        while (letters.size() < expected) {
            assertThat(stack.deadLetterArchiveFailure()).isEmpty();
            assertThat(System.nanoTime())
                    .as("only %d of %d letters archived in time", letters.size(), expected)
                    .isLessThan(deadline);
            Thread.sleep(200);
            letters = readLetters(stack);
        }
        assertThat(letters).as("one line per letter").hasSize(expected);
        return letters;
    }

    private static List<JsonNode> readLetters(LocalStack stack) throws IOException {
        List<JsonNode> letters = new ArrayList<>();
        for (Path file : archivedFiles(stack)) {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
                for (String line : new String(in.readAllBytes(), UTF_8).split("\n")) {
                    letters.add(JSON.readTree(line));
                }
            }
        }
        return letters;
    }

    private static List<Path> archivedFiles(LocalStack stack) throws IOException {
        Path archive = stack.deadLetterArchiveDir();
        if (!Files.exists(archive)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(archive)) {
            return files.filter(file -> file.toString().endsWith(".json.gz"))
                    .sorted()
                    .toList();
        }
    }

    private static KafkaProducer<byte[], byte[]> producer(LocalStack stack) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }
}
