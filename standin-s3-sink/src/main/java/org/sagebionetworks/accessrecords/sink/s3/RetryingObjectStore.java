package org.sagebionetworks.accessrecords.sink.s3;

import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries a failed upload with exponential backoff, as Confluent's sink does under {@code s3.part.retries} and
 * {@code s3.retry.backoff.ms}. An upload puts a whole file under a key fixed by its first offset, so repeating it
 * can only write the same object again. Without this, one dropped connection (the JDK's HTTP client reports a
 * stale keep-alive connection as "Unexpected end of file", which the SDK does not retry) killed the task for good.
 * When every retry failed the store is down, which is worth waiting out, not dying of: the error is retriable.
 */
public final class RetryingObjectStore implements ObjectStore {

    private static final Logger LOG = LoggerFactory.getLogger(RetryingObjectStore.class);

    private final ObjectStore store;
    private final int retries;
    private final long backoffMillis;

    public RetryingObjectStore(ObjectStore store, int retries, long backoffMillis) {
        this.store = store;
        this.retries = retries;
        this.backoffMillis = backoffMillis;
    }

    @Override
    public void put(String key, byte[] bytes) {
        for (int attempt = 0; ; attempt++) {
            try {
                store.put(key, bytes);
                return;
            } catch (RuntimeException e) {
                if (attempt >= retries) {
                    throw new RetriableException("upload of " + key + " failed " + (attempt + 1) + " times", e);
                }
                long wait = backoffMillis << Math.min(attempt, 16);
                LOG.warn("upload of {} failed ({}); retrying in {} ms", key, e.toString(), wait);
                sleep(wait);
            }
        }
    }

    @Override
    public void close() {
        store.close();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("interrupted while waiting to retry an upload", e);
        }
    }
}
