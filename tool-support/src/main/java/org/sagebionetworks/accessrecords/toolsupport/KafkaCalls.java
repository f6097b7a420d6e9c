package org.sagebionetworks.accessrecords.toolsupport;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.KafkaFuture;

/** Waits for an admin call with a bound, and turns its failure into one exception that says what was tried. */
public final class KafkaCalls {

    private KafkaCalls() {
    }

    public static <T> T await(KafkaFuture<T> future, String action, Duration timeout) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka did not let us " + action + ": " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not let us " + action + " within " + timeout
                    + ": check --bootstrap-servers (KAFKA_BOOTSTRAP_SERVERS) and --msk-iam (ACCESS_RECORDS_MSK_IAM)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to " + action, e);
        }
    }
}
