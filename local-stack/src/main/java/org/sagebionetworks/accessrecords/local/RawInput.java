package org.sagebionetworks.accessrecords.local;

import java.util.function.BooleanSupplier;

/**
 * How the local stack's input reaches the raw topic, through the code that production runs for its kind: synthetic
 * traffic through Synapse's publisher, files through the archive loader.
 */
interface RawInput extends AutoCloseable {

    /**
     * Feeds the input until it ends or {@code stop} says so; throws {@link LinesLostException} when a line reached
     * neither the raw topic nor the dead-letter topic.
     */
    void feed(BooleanSupplier stop) throws InterruptedException;

    /** Lines fed so far. */
    long fed();

    /** Waits until every line fed has reached the raw topic or failed; returns how many records reached it. */
    long delivered();

    /** What happened to the lines so far, in words. */
    String summary();

    @Override
    void close();
}
