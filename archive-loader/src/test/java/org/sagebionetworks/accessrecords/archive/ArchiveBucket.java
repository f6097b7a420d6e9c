package org.sagebionetworks.accessrecords.archive;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.sagebionetworks.accessrecords.testsupport.S3ProxyServer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/** A Firehose archive bucket on a real S3-compatible server (s3proxy, files under a directory). */
final class ArchiveBucket implements AutoCloseable {

    static final String NAME = "archive";
    /** What the loader's default credential chain finds; s3proxy accepts any. */
    static final String ACCESS_KEY = "local";

    private final S3ProxyServer server;
    private final S3Client s3;

    private ArchiveBucket(S3ProxyServer server, S3Client s3) {
        this.server = server;
        this.s3 = s3;
    }

    static ArchiveBucket start(Path dir) throws Exception {
        System.setProperty("aws.accessKeyId", ACCESS_KEY);
        System.setProperty("aws.secretAccessKey", ACCESS_KEY);
        S3ProxyServer server = S3ProxyServer.start(Files.createDirectories(dir));
        server.createBucket(NAME);
        S3Client s3 = S3Client.builder()
                .region(Region.US_EAST_1)
                .endpointOverride(server.endpoint())
                .forcePathStyle(true)
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, ACCESS_KEY)))
                .build();
        return new ArchiveBucket(server, s3);
    }

    String endpoint() {
        return server.endpoint().toString();
    }

    /** Uploads the lines as one gzip NDJSON object, as Firehose writes them; returns the gzip size. */
    long put(String key, List<String> lines) {
        return putBytes(key, gzip(String.join("\n", lines) + "\n"));
    }

    /** Uploads the bytes as they are, e.g. several gzip members one after the other; returns their size. */
    long putBytes(String key, byte[] bytes) {
        s3.putObject(PutObjectRequest.builder().bucket(NAME).key(key).build(), RequestBody.fromBytes(bytes));
        return bytes.length;
    }

    /** The object's ETag, as a listing gives it. */
    String etag(String key) {
        return s3.headObject(HeadObjectRequest.builder().bucket(NAME).key(key).build())
                .eTag();
    }

    static byte[] gzip(String text) {
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
