package org.sagebionetworks.accessrecords.sink.s3;

/** Where committed files go: whole objects under a key, visible to readers only once complete. */
public interface ObjectStore extends AutoCloseable {

    void put(String key, byte[] bytes);

    @Override
    void close();
}
