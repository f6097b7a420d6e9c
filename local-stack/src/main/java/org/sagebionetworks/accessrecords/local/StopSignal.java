package org.sagebionetworks.accessrecords.local;

import java.util.concurrent.CountDownLatch;
import sun.misc.Signal;

/**
 * Ctrl-C (or SIGTERM) as a request to stop, not as the JVM's shutdown: the in-JVM broker deletes its log folder
 * in a shutdown hook, so draining the stack inside another hook would race that deletion and lose the broker.
 * The first signal asks the stack to drain and close; a second one exits at once.
 */
final class StopSignal {

    private static final int EXIT_ON_SECOND_SIGNAL = 130;

    private StopSignal() {}

    static CountDownLatch install() {
        CountDownLatch stopRequested = new CountDownLatch(1);
        for (String name : new String[] {"INT", "TERM"}) {
            Signal.handle(new Signal(name), signal -> {
                if (stopRequested.getCount() == 0) {
                    System.exit(EXIT_ON_SECOND_SIGNAL);
                }
                stopRequested.countDown();
            });
        }
        return stopRequested;
    }
}
