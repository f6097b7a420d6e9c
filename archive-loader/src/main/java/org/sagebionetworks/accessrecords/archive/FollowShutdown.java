package org.sagebionetworks.accessrecords.archive;

import java.time.Duration;

/**
 * Turns SIGTERM (ECS stopping the task, Ctrl-C) into a clean stop of a follow run: a shutdown hook requests the
 * stop and holds the JVM until the run has committed the object in flight and printed its summary. Past the grace
 * period the JVM exits anyway; the open transaction is then aborted and the next start resumes after its last
 * commit, as after a SIGKILL.
 */
final class FollowShutdown {

    /** As long as ECS waits at most (stopTimeout 120 s), and then some. */
    private static final Duration GRACE = Duration.ofMinutes(3);

    /** The follow run, which may be interrupted. */
    interface Run {
        void run() throws InterruptedException;
    }

    private final FollowStop stop;

    FollowShutdown(FollowStop stop) {
        this.stop = stop;
    }

    void during(Run run) throws InterruptedException {
        Thread hook = new Thread(this::stopAndWait, "load-archive-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            run.run();
        } finally {
            removeUnlessShuttingDown(hook);
        }
    }

    private void stopAndWait() {
        stop.request();
        try {
            stop.awaitFinished(GRACE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void removeUnlessShuttingDown(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running: it waits for the run to say it finished, which the command does last.
        }
    }
}
