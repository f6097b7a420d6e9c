package org.sagebionetworks.accessrecords.kafka;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;

/**
 * The headers a dead letter carries besides its original key and bytes. The names mirror the error and
 * source headers of Kafka's native dead-letter queue (KIP-1034) without its {@code __streams.errors.} prefix,
 * so a reader can be moved over by renaming.
 */
public final class DeadLetterHeaders {

    public static final String ERROR_CLASS = "error.class";
    public static final String ERROR_MESSAGE = "error.message";
    public static final String SOURCE_TOPIC = "source.topic";
    public static final String SOURCE_PARTITION = "source.partition";
    public static final String SOURCE_OFFSET = "source.offset";
    /** The raw record's own Kafka timestamp; the dead letter itself is stamped when it was written. */
    public static final String SOURCE_TIMESTAMP = "source.timestamp";
    /** Where the archive loader found a line it could not publish: the object's s3:// URI and the 1-based line. */
    public static final String SOURCE_OBJECT = "source.object";

    public static final String SOURCE_LINE = "source.line";

    private DeadLetterHeaders() {}

    /**
     * Adds the six headers to {@code headers}, which keeps whatever headers the record arrived with: the error, and
     * the raw record's topic, partition, offset and Kafka timestamp.
     */
    public static Headers add(
            Headers headers,
            String errorClass,
            String errorMessage,
            String sourceTopic,
            int sourcePartition,
            long sourceOffset,
            long sourceTimestamp) {
        return headers.add(ERROR_CLASS, utf8(errorClass))
                .add(ERROR_MESSAGE, utf8(errorMessage))
                .add(SOURCE_TOPIC, utf8(sourceTopic))
                .add(SOURCE_PARTITION, utf8(String.valueOf(sourcePartition)))
                .add(SOURCE_OFFSET, utf8(String.valueOf(sourceOffset)))
                .add(SOURCE_TIMESTAMP, utf8(String.valueOf(sourceTimestamp)));
    }

    /** The archive loader's dead letters: the error headers, and the object and line instead of topic coordinates. */
    public static Headers addArchiveSource(
            Headers headers, String errorClass, String errorMessage, String object, long line) {
        return headers.add(ERROR_CLASS, utf8(errorClass))
                .add(ERROR_MESSAGE, utf8(errorMessage))
                .add(SOURCE_OBJECT, utf8(object))
                .add(SOURCE_LINE, utf8(String.valueOf(line)));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
