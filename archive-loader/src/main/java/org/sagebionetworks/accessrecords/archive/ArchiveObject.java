package org.sagebionetworks.accessrecords.archive;

/** One Firehose object: its key in the bucket, its size in bytes (gzip) and its ETag. */
record ArchiveObject(String bucket, String key, long size, String etag) {

    /** How dead letters and progress records name the object. */
    String uri() {
        return "s3://" + bucket + "/" + key;
    }
}
