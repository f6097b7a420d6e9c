package org.sagebionetworks.accessrecords.kafka;

/**
 * The default names of the topics the service and the tools (replay, the archive loader) share, so that a tool
 * run beside the service reaches the service's topics without options. Each is configurable in both.
 */
public final class TopicDefaults {

    /** Raw envelopes from Synapse and the archive loader; the same for every pipeline version. */
    public static final String RAW = "synapse.accessrecords.raw";
    /** Raw records the service or the loader rejected, with reason headers; the same for every pipeline version. */
    public static final String DEAD_LETTER = "synapse.accessrecords.raw.dlq";

    private TopicDefaults() {
    }
}
