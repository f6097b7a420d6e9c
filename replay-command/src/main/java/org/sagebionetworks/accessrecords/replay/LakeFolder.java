package org.sagebionetworks.accessrecords.replay;

import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The lake bucket, asked whether a version's folder (its sink's {@code topics.dir}) holds objects: the one trace
 * of a version's table that outlives its processed topic and its connector.
 */
final class LakeFolder implements AutoCloseable {

    private final S3Client s3;
    private final String bucket;

    LakeFolder(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    /** The key of an object under {@code folder/}, or empty when there is none. */
    Optional<String> anyObjectUnder(String folder) {
        try {
            return s3
                    .listObjectsV2(ListObjectsV2Request.builder()
                            .bucket(bucket)
                            .prefix(folder + "/")
                            .maxKeys(1)
                            .build())
                    .contents()
                    .stream()
                    .map(S3Object::key)
                    .findFirst();
        } catch (SdkException e) {
            throw new IllegalStateException(
                    "cannot list " + uri(folder) + " (" + e.getMessage() + "): check --lake-bucket, --lake-prefix, "
                            + "--lake-region, --lake-endpoint and the credentials (s3:ListBucket on the lake)",
                    e);
        }
    }

    String uri(String folder) {
        return "s3://" + bucket + "/" + folder + "/";
    }

    @Override
    public void close() {
        s3.close();
    }
}
