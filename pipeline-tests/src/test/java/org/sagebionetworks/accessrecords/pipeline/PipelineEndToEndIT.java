package org.sagebionetworks.accessrecords.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.sagebionetworks.accessrecords.connect.Layout;
import org.sagebionetworks.accessrecords.core.AccessRecordEnricher;
import org.sagebionetworks.accessrecords.core.Outcome.Accepted;
import org.sagebionetworks.accessrecords.schema.ProcessedAccessRecord;
import org.sagebionetworks.accessrecords.testing.RawRecords;
import org.sagebionetworks.accessrecords.testing.SyntheticTraffic;

/**
 * Raw records with duplicates, bad lines and days' edges go in at the raw topic; Parquet comes out in S3, one
 * row per unique valid record, in the folder of the row's UTC day, with the column types the table expects.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class PipelineEndToEndIT {

    private static final Instant LAST_MILLI_OF_DAY = Instant.parse("2023-11-14T23:59:59.999Z");
    private static final Instant FIRST_MILLI_OF_DAY = Instant.parse("2023-11-15T00:00:00.000Z");

    @TempDir
    static Path work;
    private static Pipeline pipeline;
    private static Map<String, ProcessedAccessRecord> expected;
    private static Connection duckdb;

    @BeforeAll
    static void runThePipeline() throws Exception {
        pipeline = Pipeline.start(work, Layout.YEAR_MONTH_DAY);
        List<String> lines = input();
        expected = uniqueValidRows(lines);
        send(lines);
        awaitFiles(expected.size());
        duckdb = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement statement = duckdb.createStatement()) {
            statement.execute("CREATE VIEW processedaccessrecord AS SELECT * FROM read_parquet('"
                    + pipeline.bucketDir() + "/**/*.parquet', hive_partitioning = true)");
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (duckdb != null) {
            duckdb.close();
        }
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    void everyUniqueValidRecordIsExactlyOneRow() throws SQLException {
        assertThat(queryLong("SELECT count(*) FROM processedaccessrecord")).isEqualTo(expected.size());
        assertThat(queryLong("SELECT count(DISTINCT session_id) FROM processedaccessrecord")).isEqualTo(expected.size());
    }

    @Test
    void rowsCarryTheEnrichedValues() throws SQLException {
        try (Statement statement = duckdb.createStatement();
                ResultSet rows = statement.executeQuery("SELECT session_id, normalized_method_signature, client, "
                        + "client_version, entity_id, instance, epoch_ms(\"timestamp\") AS ts, record_date "
                        + "FROM processedaccessrecord")) {
            int seen = 0;
            while (rows.next()) {
                ProcessedAccessRecord row = expected.get(rows.getString("session_id"));
                assertThat(row).isNotNull();
                assertThat(rows.getString("normalized_method_signature")).isEqualTo(row.getNormalizedMethodSignature());
                assertThat(rows.getString("client")).isEqualTo(row.getClient());
                assertThat(rows.getString("client_version")).isEqualTo(row.getClientVersion());
                assertThat((Long) rows.getObject("entity_id")).isEqualTo(row.getEntityId());
                assertThat(rows.getString("instance")).isEqualTo(row.getInstance());
                assertThat(rows.getLong("ts")).isEqualTo(row.getTimestamp().toEpochMilli());
                assertThat(rows.getDate("record_date").toLocalDate()).isEqualTo(row.getRecordDate());
                seen++;
            }
            assertThat(seen).isEqualTo(expected.size());
        }
    }

    @Test
    void eachRowLiesInTheFolderOfItsUtcDayIncludingBothSidesOfMidnight() throws SQLException {
        assertThat(queryLong("SELECT count(*) FROM processedaccessrecord WHERE "
                + "make_date(CAST(year AS INTEGER), CAST(month AS INTEGER), CAST(day AS INTEGER)) <> record_date"))
                .isZero();
        assertThat(queryString("SELECT year || '-' || month || '-' || day FROM processedaccessrecord "
                + "WHERE session_id = 'edge-last-milli'")).isEqualTo("2023-11-14");
        assertThat(queryString("SELECT year || '-' || month || '-' || day FROM processedaccessrecord "
                + "WHERE session_id = 'edge-first-milli'")).isEqualTo("2023-11-15");
        assertThat(queryLong("SELECT count(DISTINCT record_date) FROM processedaccessrecord")).isGreaterThan(3);
    }

    @Test
    void objectKeysAreConfluentsKeys() throws Exception {
        String pattern = "topics/v1/" + Pipeline.PROCESSED.replace(".", "\\.")
                + "/year=\\d{4}/month=\\d{2}/day=\\d{2}/" + Pipeline.PROCESSED.replace(".", "\\.")
                + "\\+\\d+\\+\\d{10}\\.snappy\\.parquet";
        assertThat(pipeline.parquetFiles()).isNotEmpty().allSatisfy(file ->
                assertThat(pipeline.bucketDir().relativize(file).toString()).matches(pattern));
    }

    @Test
    void parquetColumnsHaveTheTypesTheTableExpects() throws Exception {
        String file = pipeline.parquetFiles().get(0).toString();
        Map<String, String> types = new HashMap<>();
        try (Statement statement = duckdb.createStatement();
                ResultSet columns = statement.executeQuery("SELECT name, type, converted_type, logical_type "
                        + "FROM parquet_schema('" + file + "')")) {
            while (columns.next()) {
                types.put(columns.getString("name"), columns.getString("type") + " " + columns.getString("converted_type")
                        + " " + columns.getString("logical_type"));
            }
        }
        assertThat(types.get("timestamp")).startsWith("INT64 TIMESTAMP_MILLIS").contains("isAdjustedToUTC=1");
        assertThat(types.get("record_date")).startsWith("INT32 DATE");
        assertThat(types.get("user_id")).startsWith("INT64");
        assertThat(types.get("entity_id")).startsWith("INT64");
        assertThat(types.get("success")).startsWith("BOOLEAN");
        assertThat(types.get("session_id")).startsWith("BYTE_ARRAY UTF8");
        assertThat(types.get("normalized_method_signature")).startsWith("BYTE_ARRAY UTF8");
    }

    private static List<String> input() {
        List<String> lines = new ArrayList<>();
        SyntheticTraffic traffic = new SyntheticTraffic(11L, 1_699_900_000_000L, 7_200_000L);
        for (int i = 0; i < 60; i++) {
            lines.add(traffic.next());
        }
        lines.add(RawRecords.example().sessionId("edge-last-milli").timestamp(LAST_MILLI_OF_DAY.toEpochMilli()).json());
        lines.add(RawRecords.example().sessionId("edge-first-milli").timestamp(FIRST_MILLI_OF_DAY.toEpochMilli()).json());
        lines.addAll(List.copyOf(lines.subList(10, 15)));
        lines.add("{\"payload\": {\"sessionId\": \"broken\"");
        lines.add(RawRecords.example().sessionId("no-method").without("method").json());
        lines.add(RawRecords.example().sessionId("typed").with("timestamp", "noon").json());
        lines.add("\u0000\u0001 not json");
        return lines;
    }

    private static Map<String, ProcessedAccessRecord> uniqueValidRows(List<String> lines) {
        AccessRecordEnricher core = new AccessRecordEnricher();
        Map<String, ProcessedAccessRecord> rows = new HashMap<>();
        for (String line : lines) {
            if (core.enrich(line.getBytes(StandardCharsets.UTF_8)) instanceof Accepted<ProcessedAccessRecord> row) {
                rows.put(row.value().getSessionId(), row.value());
            }
        }
        return rows;
    }

    private static void send(List<String> lines) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, pipeline.connect.kafka().bootstrapServers());
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            int n = 0;
            for (String line : lines) {
                String key = RawRecords.sessionIdOf(line).orElse("unkeyed-" + n++);
                producer.send(new ProducerRecord<>(Pipeline.RAW, key.getBytes(StandardCharsets.UTF_8),
                        line.getBytes(StandardCharsets.UTF_8))).get();
            }
        }
    }

    private static void awaitFiles(int count) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (pipeline.parquetFiles().size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + pipeline.parquetFiles().size() + " of " + count + " files in S3");
            }
            Thread.sleep(500);
        }
        Thread.sleep(3_000);
    }

    private static long queryLong(String sql) throws SQLException {
        try (Statement statement = duckdb.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static String queryString(String sql) throws SQLException {
        try (Statement statement = duckdb.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }
}
