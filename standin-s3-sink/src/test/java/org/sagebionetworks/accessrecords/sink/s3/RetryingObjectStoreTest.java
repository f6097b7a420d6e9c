package org.sagebionetworks.accessrecords.sink.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.net.SocketException;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.connect.errors.RetriableException;
import org.junit.jupiter.api.Test;

/** A dropped connection costs a retry at once; a store that keeps failing is for Connect to wait out. */
class RetryingObjectStoreTest {

    @Test
    void anUploadThatFailsLessOftenThanTheRetriesAllowLandsOnce() {
        FlakyStore flaky = new FlakyStore(2);

        new RetryingObjectStore(flaky, 3, 0).put("k", new byte[] {1});

        assertThat(flaky.attempts).isEqualTo(3);
        assertThat(flaky.objects).containsOnlyKeys("k");
    }

    @Test
    void anUploadThatKeepsFailingIsRetriableNamingTheKey() {
        FlakyStore flaky = new FlakyStore(Integer.MAX_VALUE);

        assertThatThrownBy(() -> new RetryingObjectStore(flaky, 3, 0).put("topics/t/k.parquet", new byte[] {1}))
                .isInstanceOf(RetriableException.class)
                .hasMessageContaining("topics/t/k.parquet")
                .hasMessageContaining("4 times");
        assertThat(flaky.attempts).isEqualTo(4);
    }

    private static final class FlakyStore implements ObjectStore {

        private final int failures;
        private final Map<String, byte[]> objects = new HashMap<>();
        private int attempts;

        FlakyStore(int failures) {
            this.failures = failures;
        }

        @Override
        public void put(String key, byte[] bytes) {
            if (attempts++ < failures) {
                throw new UncheckedIOException(new SocketException("Unexpected end of file from server"));
            }
            objects.put(key, bytes);
        }

        @Override
        public void close() {}
    }
}
