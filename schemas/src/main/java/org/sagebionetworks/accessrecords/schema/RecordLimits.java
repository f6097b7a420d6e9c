package org.sagebionetworks.accessrecords.schema;

/**
 * The size limits every program applies to a raw record, so that the publisher, the archive loader, the service
 * and the offline {@code enrich} command accept and refuse the same records.
 */
public final class RecordLimits {

    /**
     * The largest raw record, in bytes, that reaches the table; a larger one is refused or dead-lettered as
     * {@code TOO_LARGE}. Under Kafka's default {@code max.message.bytes} (1 MiB) with room for key and headers.
     */
    public static final int MAX_RECORD_BYTES = 1_000_000;
    /** The default {@code max.message.bytes} of a dead-letter topic: a too-large record with its headers fits. */
    public static final int DEAD_LETTER_MAX_MESSAGE_BYTES = 8 * 1024 * 1024;

    private RecordLimits() {}
}
