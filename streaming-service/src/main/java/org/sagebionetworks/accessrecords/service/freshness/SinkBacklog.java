package org.sagebionetworks.accessrecords.service.freshness;

import java.util.Map;
import java.util.OptionalLong;
import org.apache.kafka.common.TopicPartition;

/**
 * What a table's sink has read but not yet committed: per partition, the Kafka timestamp of the first row after its
 * committed offset. A partition whose every row is committed is absent.
 */
record SinkBacklog(Map<TopicPartition, Long> firstPendingTimestamps) {

    SinkBacklog {
        firstPendingTimestamps = Map.copyOf(firstPendingTimestamps);
    }

    /** The oldest pending row's timestamp, or empty when the sink has committed every row. */
    OptionalLong oldestPendingTimestamp() {
        return firstPendingTimestamps.values().stream()
                .mapToLong(Long::longValue)
                .min();
    }
}
