package org.sagebionetworks.accessrecords.benchmarks;

/** What every harness's main shares: positional arguments with defaults, and an exit that stops the broker too. */
final class HarnessMain {

    /** One harness's work, from its command-line arguments. */
    interface Measurement {
        void measure(String[] args) throws Exception;
    }

    private HarnessMain() {}

    /** Runs the measurement and exits: the in-JVM broker's threads would otherwise keep the JVM alive. */
    static void run(String[] args, Measurement measurement) {
        try {
            measurement.measure(args);
            System.exit(0);
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    /** The integer at {@code index}, or {@code fallback} when the command line stops before it. */
    static int intArgument(String[] args, int index, int fallback) {
        return args.length > index ? Integer.parseInt(args[index]) : fallback;
    }
}
