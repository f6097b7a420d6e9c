package org.sagebionetworks.accessrecords.archive;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.sagebionetworks.accessrecords.toolsupport.S3Clients;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The Firehose archive bucket: lists a folder and streams an object (client settings: {@link S3Clients}). Public for
 * the reconcile command, which reads the archive as the loader does.
 */
public final class ArchiveStore implements AutoCloseable {

    private final S3Client s3;
    private final String bucket;

    public ArchiveStore(String bucket, String region, String endpoint) {
        this.s3 = S3Clients.of(region, endpoint);
        this.bucket = bucket;
    }

    String bucket() {
        return bucket;
    }

    /** Every object under {@code prefix}, in key order (Firehose names sort by time within a day). */
    public List<ArchiveObject> list(String prefix) {
        List<ArchiveObject> objects = new ArrayList<>();
        for (S3Object object : s3.listObjectsV2Paginator(ListObjectsV2Request.builder()
                        .bucket(bucket)
                        .prefix(prefix)
                        .build())
                .contents()) {
            if (!object.key().endsWith("/")) {
                objects.add(new ArchiveObject(bucket, object.key(), object.size(), object.eTag()));
            }
        }
        return objects;
    }

    /**
     * The object's bytes as they arrive, never held whole: objects may be hundreds of MB. Only the version that
     * was listed (If-Match its ETag), since progress counts the lines of that version.
     */
    public InputStream open(ArchiveObject object) {
        return s3.getObject(GetObjectRequest.builder()
                .bucket(bucket)
                .key(object.key())
                .ifMatch(object.etag())
                .build());
    }

    @Override
    public void close() {
        s3.close();
    }
}
