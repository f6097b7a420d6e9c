package org.sagebionetworks.accessrecords.toolsupport;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * The S3 client the tools share (the archive loader's archive, replay's lake). Credentials come from the default
 * chain (environment, profile, ECS task role); with an endpoint (s3proxy, MinIO) requests are path-style.
 */
public final class S3Clients {

    private S3Clients() {}

    /** @param endpoint an S3-compatible endpoint, or null (or blank) for AWS S3 */
    public static S3Client of(String region, String endpoint) {
        S3ClientBuilder builder = S3Client.builder()
                .region(Region.of(region))
                .credentialsProvider(DefaultCredentialsProvider.builder().build())
                .httpClientBuilder(UrlConnectionHttpClient.builder());
        if (endpoint != null && !endpoint.isBlank()) {
            builder.endpointOverride(URI.create(endpoint)).forcePathStyle(true);
        }
        return builder.build();
    }
}
