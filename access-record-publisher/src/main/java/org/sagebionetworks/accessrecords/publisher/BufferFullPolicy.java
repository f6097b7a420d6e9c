package org.sagebionetworks.accessrecords.publisher;

/**
 * What {@code publish} does when the send buffer ({@code buffer.memory}) is full, which happens only when the
 * cluster is slower than the host or unreachable. Either way the record is then counted as dropped, never queued
 * without bound.
 */
public enum BufferFullPolicy {
    /**
     * Drop the record at once ({@code max.block.ms=0}): the calling thread never waits for Kafka. The default,
     * because a request thread of Synapse must not slow down when the analytics pipeline does.
     */
    DROP,
    /**
     * Wait up to {@link PublisherConfig#maxBlock()} for space, then drop. For hosts that prefer a short stall to a
     * loss, such as a traffic generator or a backfill.
     */
    BLOCK
}
