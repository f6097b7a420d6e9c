package org.sagebionetworks.accessrecords.publisher;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.errors.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches the topic's partitions once at startup. {@code send} waits for them only as long as max.block.ms, which
 * is zero under {@link BufferFullPolicy#DROP}, so without this the first records after startup would be dropped
 * while the producer connects. Each failed lookup also asks the producer's I/O thread to fetch in the background.
 */
final class TopicMetadata {

    private static final Logger LOG = LoggerFactory.getLogger(TopicMetadata.class);
    private static final long RETRY_MILLIS = 50;

    private TopicMetadata() {}

    /** Returns once the partitions are known, or after {@code wait} with a warning. */
    static void await(Producer<byte[], byte[]> producer, String topic, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            try {
                producer.partitionsFor(topic);
                return;
            } catch (TimeoutException e) {
                if (System.nanoTime() - deadline >= 0 || !pause()) {
                    LOG.warn(
                            "topic {} has no metadata after {}: the cluster is unreachable or the topic is missing; "
                                    + "records are dropped (NO_METADATA) until it answers",
                            topic,
                            wait);
                    return;
                }
            } catch (RuntimeException e) {
                LOG.warn(
                        "cannot read metadata of topic {}: {}; publishing will count the failures",
                        topic,
                        e.toString());
                return;
            }
        }
    }

    private static boolean pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(RETRY_MILLIS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
