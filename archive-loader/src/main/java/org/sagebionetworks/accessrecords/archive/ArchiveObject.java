package org.sagebionetworks.accessrecords.archive;

/** One Firehose object: its key in the bucket, its size in bytes (gzip) and its ETag. */
public record ArchiveObject(String bucket, String key, long size, String etag) {

    /** How dead letters and progress records name the object. */
    public String uri() {
        return "s3://" + bucket + "/" + key;
    }
}
