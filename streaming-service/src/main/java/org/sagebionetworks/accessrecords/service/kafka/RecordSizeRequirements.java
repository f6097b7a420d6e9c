package org.sagebionetworks.accessrecords.service.kafka;

/**
 * How large the records the service writes can be, from the settings and the raw topic's limit: what the processed
 * and dead-letter topics must accept, and what the service's producer must let through.
 */
public final class RecordSizeRequirements {

    /**
     * Room a dead letter takes beyond the raw record it carries whole: its six reason headers (the longest, the
     * rejection message and the source topic's name, stay well under 1 KiB) and the record batch's framing.
     */
    public static final int DEAD_LETTER_HEADER_BYTES = 16 * 1024;
    /** Avro's single-object header (ten bytes) and the record's framing in its batch, with room to spare. */
    static final int PROCESSED_FRAMING_BYTES = 1024;

    private RecordSizeRequirements() {}

    /**
     * A processed row holds at most a raw record's strings (unescaped, so never longer) and what is derived from
     * them, which stays under a second raw record's size, plus its header.
     */
    public static int processed(int maxRecordBytes) {
        return 2 * maxRecordBytes + PROCESSED_FRAMING_BYTES;
    }

    /** The largest {@code access-records.max-record-bytes} whose rows fit a topic that accepts {@code limit} bytes. */
    static int largestMaxRecordBytesFor(int limit) {
        return Math.max(0, (limit - PROCESSED_FRAMING_BYTES) / 2);
    }

    /** Any raw record the raw topic accepts may be dead-lettered (a TOO_LARGE one too), whole, with its headers. */
    public static int deadLetter(int rawTopicLimit) {
        return (int) Math.min(Integer.MAX_VALUE, (long) rawTopicLimit + DEAD_LETTER_HEADER_BYTES);
    }

    /** The producer's max.request.size: the larger of a processed record and the configured largest dead letter. */
    public static int producerMaxRequestBytes(int maxRecordBytes, int deadLetterMaxMessageBytes) {
        return Math.max(processed(maxRecordBytes), deadLetterMaxMessageBytes);
    }
}
