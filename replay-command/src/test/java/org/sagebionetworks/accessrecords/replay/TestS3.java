package org.sagebionetworks.accessrecords.replay;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.sagebionetworks.accessrecords.testsupport.S3ProxyServer;
import org.sagebionetworks.accessrecords.toolsupport.S3Clients;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * The lake bucket and a Firehose archive bucket on a real S3-compatible server (s3proxy, files under a directory),
 * reached as the tools reach them.
 */
final class TestS3 implements AutoCloseable {

    static final String LAKE = "lake";
    static final String ARCHIVE = "archive";
    static final String REGION = "us-east-1";

    private final S3ProxyServer server;
    private final S3Client s3;

    private TestS3(S3ProxyServer server) {
        this.server = server;
        this.s3 = S3Clients.of(REGION, endpoint());
    }

    static TestS3 start(Path dir) throws Exception {
        // What the tools' default credential chain finds; s3proxy accepts any.
        System.setProperty("aws.accessKeyId", "local");
        System.setProperty("aws.secretAccessKey", "local");
        S3ProxyServer server = S3ProxyServer.start(Files.createDirectories(dir));
        server.createBucket(LAKE);
        server.createBucket(ARCHIVE);
        return new TestS3(server);
    }

    String endpoint() {
        return server.endpoint().toString();
    }

    /** The replay options that point at the lake. */
    List<String> lakeArguments() {
        return List.of("--lake-bucket", LAKE, "--lake-endpoint", endpoint(), "--lake-region", REGION);
    }

    LakeFolder lakeFolder() {
        return new LakeFolder(S3Clients.of(REGION, endpoint()), LAKE);
    }

    void putInLake(String key, String content) {
        s3.putObject(PutObjectRequest.builder().bucket(LAKE).key(key).build(), RequestBody.fromString(content));
    }

    /** The lines as one gzip NDJSON object of the archive, as Firehose writes them. */
    void putInArchive(String key, List<String> lines) {
        ByteArrayOutputStream gzip = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gzip)) {
            out.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        s3.putObject(
                PutObjectRequest.builder().bucket(ARCHIVE).key(key).build(), RequestBody.fromBytes(gzip.toByteArray()));
    }

    @Override
    public void close() throws Exception {
        s3.close();
        server.close();
    }
}
