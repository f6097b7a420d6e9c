package org.sagebionetworks.accessrecords.replay;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.sagebionetworks.accessrecords.command.S3Clients;
import org.sagebionetworks.accessrecords.testsupport.S3ProxyServer;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/** The lake bucket on a real S3-compatible server (s3proxy, files under a directory), reached as replay does. */
final class TestLake implements AutoCloseable {

    static final String BUCKET = "lake";
    private static final String REGION = "us-east-1";

    private final S3ProxyServer server;
    private final S3Client s3;

    private TestLake(S3ProxyServer server) {
        this.server = server;
        this.s3 = S3Clients.of(REGION, server.endpoint().toString());
    }

    static TestLake start(Path dir) throws Exception {
        // What the tools' default credential chain finds; s3proxy accepts any.
        System.setProperty("aws.accessKeyId", "local");
        System.setProperty("aws.secretAccessKey", "local");
        S3ProxyServer server = S3ProxyServer.start(Files.createDirectories(dir));
        server.createBucket(BUCKET);
        return new TestLake(server);
    }

    /** The replay options that point at this lake. */
    List<String> arguments() {
        return List.of("--lake-bucket", BUCKET, "--lake-endpoint", server.endpoint().toString(), "--lake-region", REGION);
    }

    LakeFolder folder() {
        return new LakeFolder(S3Clients.of(REGION, server.endpoint().toString()), BUCKET);
    }

    void put(String key, String content) {
        s3.putObject(PutObjectRequest.builder().bucket(BUCKET).key(key).build(), RequestBody.fromString(content));
    }

    @Override
    public void close() throws Exception {
        s3.close();
        server.close();
    }
}
