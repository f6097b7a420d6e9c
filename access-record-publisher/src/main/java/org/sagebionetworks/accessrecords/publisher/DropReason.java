package org.sagebionetworks.accessrecords.publisher;

/** Why a valid record was refused at {@code publish} time, before any broker saw it. */
public enum DropReason {
    /** The send buffer was full for longer than the policy allows to wait. */
    BUFFER_FULL,
    /** The topic's partitions were not known yet: the cluster has not answered since startup, or the topic is missing. */
    NO_METADATA,
    /** The publisher was already closed. */
    CLOSED
}
