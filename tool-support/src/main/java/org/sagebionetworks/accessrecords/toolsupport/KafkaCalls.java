package org.sagebionetworks.accessrecords.toolsupport;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.KafkaFuture;
import org.sagebionetworks.accessrecords.kafka.KafkaClientSettings;

/**
 * Admin calls with a bound: an admin client whose every call gives up in time, and a wait that turns a failure into
 * one exception saying what was tried.
 */
public final class KafkaCalls {

    private KafkaCalls() {}

    /** An admin client whose every call gives up after {@code timeout}. */
    public static Admin admin(KafkaClientSettings client, Duration timeout) {
        Map<String, Object> settings = client.common();
        int millis = Math.toIntExact(timeout.toMillis());
        settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
        settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(millis, 30_000));
        return Admin.create(settings);
    }

    public static <T> T await(KafkaFuture<T> future, String action, Duration timeout) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka did not let us " + action + ": " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException(
                    "Kafka did not let us " + action + " within " + timeout
                            + ": check --bootstrap-servers (KAFKA_BOOTSTRAP_SERVERS) and --msk-iam (ACCESS_RECORDS_MSK_IAM)",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to " + action, e);
        }
    }
}
