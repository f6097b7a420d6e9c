package org.sagebionetworks.accessrecords.reconcile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.sagebionetworks.accessrecords.kafka.DeadLetterHeaders;
import org.sagebionetworks.accessrecords.sink.parquet.ParquetFiles;
import org.sagebionetworks.accessrecords.testing.RawRecords;
import org.sagebionetworks.accessrecords.testsupport.KafkaCluster;
import org.sagebionetworks.accessrecords.testsupport.S3ProxyServer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * What a reconciliation finds, planted in a real S3-compatible server and a real broker: the Firehose archive
 * (gzip NDJSON under arrival-day folders), the table (Parquet written by the sink's own writer under
 * {@code record_date=} folders) and the dead-letter topic. On 2023-11-14 the table lacks two records the archive
 * holds (10:02 and 10:03), the archive holds one record twice (a Firehose retry) and one late arrival in the next
 * day's folder; one dead letter has a record time of that day, another none. On 2023-11-15 the table holds one
 * row twice and one row the archive lacks (a record only the publisher delivered).
 */
public final class ReconcileScene implements AutoCloseable {

    public static final String ARCHIVE_BUCKET = "archive";
    public static final String LAKE_BUCKET = "lake";
    public static final String GAP_DAY = "2023-11-14";
    public static final String QUIET_DAY = "2023-11-15";
    /** The missing records' times: the gap the command must name. */
    public static final String GAP_FIRST = "2023-11-14T10:02:00Z";

    public static final String GAP_LAST = "2023-11-14T10:03:00Z";
    private static final String ACCESS_KEY = "local";

    private final S3ProxyServer server;
    private final S3Client s3;
    private final String archivePrefix;
    private final String tablePrefix;
    private final String deadLetterTopic;

    private ReconcileScene(S3ProxyServer server, S3Client s3) {
        this.server = server;
        this.s3 = s3;
        this.archivePrefix = KafkaCluster.uniqueName("records");
        this.tablePrefix = KafkaCluster.uniqueName("processed") + "/synapse.accessrecords.processed.v1";
        this.deadLetterTopic = KafkaCluster.uniqueName("dlq");
    }

    /** Starts s3proxy under {@code dir} and plants the archive, the table and the dead letters. */
    public static ReconcileScene plant(Path dir) throws Exception {
        // What the command's default credential chain finds, in this JVM and in the jar's (as -D options).
        System.setProperty("aws.accessKeyId", ACCESS_KEY);
        System.setProperty("aws.secretAccessKey", ACCESS_KEY);
        S3ProxyServer server = S3ProxyServer.start(Files.createDirectories(dir));
        server.createBucket(ARCHIVE_BUCKET);
        server.createBucket(LAKE_BUCKET);
        S3Client s3 = S3Client.builder()
                .region(Region.US_EAST_1)
                .endpointOverride(server.endpoint())
                .forcePathStyle(true)
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, ACCESS_KEY)))
                .build();
        ReconcileScene scene = new ReconcileScene(server, s3);
        scene.plantArchive();
        scene.plantTable();
        scene.plantDeadLetters();
        return scene;
    }

    /** The options that say where everything is, as a user types them after {@code reconcile}. */
    public List<String> locations() {
        return List.of(
                "--bucket",
                ARCHIVE_BUCKET,
                "--prefix",
                archivePrefix,
                "--table-bucket",
                LAKE_BUCKET,
                "--table-prefix",
                tablePrefix,
                "--endpoint",
                endpoint(),
                "--region",
                "us-east-1",
                "--bootstrap-servers",
                KafkaCluster.bootstrapServers(),
                "--dead-letter-topic",
                deadLetterTopic,
                "--dead-letters-since",
                "2023-11-01T00:00:00Z",
                "--kafka-timeout",
                "PT30S");
    }

    public String endpoint() {
        return server.endpoint().toString();
    }

    public String archivePrefix() {
        return archivePrefix;
    }

    /** A valid raw line, as Synapse writes it to Firehose. */
    public static String record(String sessionId, String time) {
        return RawRecords.example()
                .sessionId(sessionId)
                .timestamp(Instant.parse(time).toEpochMilli())
                .json();
    }

    private void plantArchive() {
        putArchive("2023/11/13", List.of(record("s-13", "2023-11-13T23:59:00Z")));
        putArchive(
                "2023/11/14",
                List.of(
                        record("s-1", "2023-11-14T10:00:00Z"),
                        record("s-2", "2023-11-14T10:01:00Z"),
                        record("s-2", "2023-11-14T10:01:00Z"),
                        record("s-3", GAP_FIRST),
                        record("s-4", GAP_LAST),
                        record("s-5", "2023-11-14T10:04:00Z"),
                        "{broken"));
        putArchive(
                "2023/11/15",
                List.of(record("s-6", "2023-11-14T23:59:59.999Z"), record("s-7", "2023-11-15T08:00:00Z")));
        putArchive("2023/11/16", List.of(record("s-16", "2023-11-16T00:00:01Z")));
    }

    private void plantTable() throws IOException {
        putTable(
                GAP_DAY,
                List.of(
                        row("s-1", "2023-11-14T10:00:00Z"),
                        row("s-2", "2023-11-14T10:01:00Z"),
                        row("s-5", "2023-11-14T10:04:00Z"),
                        row("s-6", "2023-11-14T23:59:59.999Z")));
        putTable(
                QUIET_DAY,
                List.of(
                        row("s-7", "2023-11-15T08:00:00Z"),
                        row("s-7", "2023-11-15T08:00:00Z"),
                        row("s-publisher-only", "2023-11-15T09:00:00Z")));
    }

    private void plantDeadLetters() {
        KafkaCluster.createTopic(deadLetterTopic, 2, Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "8388608"));
        String invalidOfTheDay = RawRecords.example()
                .sessionId("s-invalid")
                .timestamp(Instant.parse("2023-11-14T11:00:00Z").toEpochMilli())
                .with("method", null)
                .json();
        try (KafkaProducer<byte[], byte[]> producer = KafkaCluster.producer(Map.of())) {
            producer.send(letter(invalidOfTheDay, "MISSING_FIELD"));
            producer.send(letter("{not json", "MALFORMED_JSON"));
            producer.flush();
        }
    }

    private ProducerRecord<byte[], byte[]> letter(String value, String reason) {
        ProducerRecord<byte[], byte[]> letter =
                new ProducerRecord<>(deadLetterTopic, null, value.getBytes(StandardCharsets.UTF_8));
        DeadLetterHeaders.add(letter.headers(), reason, "planted", "raw", 0, 0L, 0L);
        return letter;
    }

    private void putArchive(String day, List<String> lines) {
        String[] parts = day.split("/");
        String key = archivePrefix + "/year=" + parts[0] + "/month=" + parts[1] + "/day=" + parts[2] + "/firehose-1-"
                + day.replace('/', '-') + ".gz";
        put(ARCHIVE_BUCKET, key, gzip(String.join("\n", lines) + "\n"));
    }

    private void putTable(String day, List<Struct> rows) throws IOException {
        String key =
                tablePrefix + "/record_date=" + day + "/synapse.accessrecords.processed.v1+0+0000000000.snappy.parquet";
        put(LAKE_BUCKET, key, ParquetFiles.write(rows));
    }

    private void put(String bucket, String key, byte[] bytes) {
        s3.putObject(PutObjectRequest.builder().bucket(bucket).key(key).build(), RequestBody.fromBytes(bytes));
    }

    /** The table's key columns and its partition column, in the sink's types. */
    private static final Schema ROW = SchemaBuilder.struct()
            .name("org.sagebionetworks.accessrecords.ProcessedAccessRecord")
            .field("session_id", Schema.STRING_SCHEMA)
            .field("timestamp", Timestamp.SCHEMA)
            .field("record_date", Date.SCHEMA)
            .build();

    private static Struct row(String sessionId, String time) {
        Instant at = Instant.parse(time);
        LocalDate day = LocalDate.ofInstant(at, java.time.ZoneOffset.UTC);
        return new Struct(ROW)
                .put("session_id", sessionId)
                .put("timestamp", java.util.Date.from(at))
                .put(
                        "record_date",
                        java.util.Date.from(
                                day.atStartOfDay(java.time.ZoneOffset.UTC).toInstant()));
    }

    private static byte[] gzip(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    @Override
    public void close() throws Exception {
        s3.close();
        server.close();
    }
}
