package org.sagebionetworks.accessrecords.redrive;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.sagebionetworks.accessrecords.kafka.DeadLetterHeaders;

/** One dead letter as read, and what its headers say about where it came from and why. */
record Letter(ConsumerRecord<byte[], byte[]> record) {

    /** Connect's context headers, which only the S3 sink's dead letters carry. */
    private static final String CONNECT_ERROR_TOPIC = "__connect.errors.topic";

    private static final String TOO_LARGE = "TOO_LARGE";

    /** {@code topic/partition@offset}: the letter's identity in the progress topic and in what is printed. */
    String id() {
        return record.topic() + "/" + record.partition() + "@" + record.offset();
    }

    String reason() {
        return header(DeadLetterHeaders.ERROR_CLASS);
    }

    String sourceTopic() {
        return header(DeadLetterHeaders.SOURCE_TOPIC);
    }

    /** Where the raw record was: the raw topic's coordinates (service) or the Firehose object and line (loader). */
    String source() {
        String object = header(DeadLetterHeaders.SOURCE_OBJECT);
        if (object != null) {
            return object + " line " + header(DeadLetterHeaders.SOURCE_LINE);
        }
        return sourceTopic() + "/" + header(DeadLetterHeaders.SOURCE_PARTITION) + "@"
                + header(DeadLetterHeaders.SOURCE_OFFSET);
    }

    /** A processed row the S3 sink could not write, not a raw record. */
    boolean fromSink() {
        return record.headers().lastHeader(CONNECT_ERROR_TOPIC) != null;
    }

    /**
     * Whether the letter holds the raw record's every byte. The service's always do; the loader keeps only the
     * start of a line over its limit, so its TOO_LARGE letters cannot be republished.
     */
    boolean whole() {
        return !(header(DeadLetterHeaders.SOURCE_OBJECT) != null && TOO_LARGE.equals(reason()));
    }

    String header(String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
