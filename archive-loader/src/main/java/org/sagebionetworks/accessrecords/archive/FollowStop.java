package org.sagebionetworks.accessrecords.archive;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * How a follow run is asked to stop and says it has: SIGTERM (ECS stopping the task, Ctrl-C) requests the stop and
 * waits, because the JVM exits as soon as its shutdown hooks return; the run finishes the object it is in, commits,
 * prints its summary and then reports itself finished.
 */
public final class FollowStop {

    private final CountDownLatch requested = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);

    public void request() {
        requested.countDown();
    }

    boolean isRequested() {
        return requested.getCount() == 0;
    }

    /** Waits up to {@code timeout} for a stop request; true when one came. */
    boolean awaitRequest(Duration timeout) throws InterruptedException {
        return requested.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    void finished() {
        finished.countDown();
    }

    /** Waits up to {@code timeout} for the run to finish; true when it did. */
    public boolean awaitFinished(Duration timeout) throws InterruptedException {
        return finished.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }
}
