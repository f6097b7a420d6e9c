package org.sagebionetworks.accessrecords.local;

/** Where the local stack's raw lines enter the pipeline. */
interface RawSink extends AutoCloseable {

    void send(RawLine line);

    /** Waits until every line sent so far has reached the raw topic or failed; returns how many reached it. */
    long flush();

    /** What happened to the lines so far, in words. */
    String summary();

    @Override
    void close();
}
