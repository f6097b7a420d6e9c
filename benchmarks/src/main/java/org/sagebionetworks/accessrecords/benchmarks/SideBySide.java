package org.sagebionetworks.accessrecords.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Two jars measured alternately, round after round, on the same prepared input: on a
 * shared machine whose load changes by the minute, both jars meet the same conditions, which back-to-back series
 * of runs of one jar then the other do not give.
 */
final class SideBySide {

    /** A jar under measurement and the name the table gives it. */
    record Jar(String label, Path path) {}

    /** One run of a jar; the input is the caller's, prepared once for all runs. */
    @FunctionalInterface
    interface Measurement {
        RunFigures measure(Jar jar) throws Exception;
    }

    /** A finished run: which jar, which round, its figures. */
    record Run(Jar jar, int round, RunFigures figures) {}

    static final String BASELINE = "baseline";
    static final String CANDIDATE = "candidate";

    private final Jar baseline;
    private final Jar candidate;

    private SideBySide(Jar baseline, Jar candidate) {
        this.baseline = baseline;
        this.candidate = candidate;
    }

    /** The jars from the first two arguments: baseline, then candidate. */
    static SideBySide fromArguments(String[] args) {
        if (args.length < 2) {
            throw new IllegalArgumentException("give two jars: the baseline, then the candidate");
        }
        return new SideBySide(jar(BASELINE, args[0]), jar(CANDIDATE, args[1]));
    }

    private static Jar jar(String label, String path) {
        Path jar = Path.of(path);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("the " + label + " jar " + jar + " is not a file");
        }
        return new Jar(label, jar);
    }

    /**
     * {@code warmUpRounds} rounds first, printed but left out of the result: the first runs after loading pay for
     * the broker's JIT and caches, which would otherwise count against whichever jar runs first.
     */
    List<Run> alternate(int warmUpRounds, int rounds, Measurement measurement) throws Exception {
        System.out.printf("baseline: %s%ncandidate: %s%n", baseline.path(), candidate.path());
        for (int round = 1; round <= warmUpRounds; round++) {
            runRound(round, "warm-up round", measurement);
        }
        List<Run> runs = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            runs.addAll(runRound(round, "round", measurement));
        }
        return runs;
    }

    /**
     * Which jar goes first alternates from round to round: same-jar comparisons showed the second run of a round
     * 4-8 % faster (the broker's caches still warm from the first), which a fixed order credits to the candidate.
     */
    private List<Run> runRound(int round, String kind, Measurement measurement) throws Exception {
        List<Run> runs = new ArrayList<>();
        for (Jar jar : round % 2 == 1 ? List.of(baseline, candidate) : List.of(candidate, baseline)) {
            Run run = new Run(jar, round, measurement.measure(jar));
            System.out.printf("%s %d, %s: %s%n", kind, round, jar.label(), run.figures());
            runs.add(run);
        }
        return runs;
    }

    void printTable(List<Run> runs) {
        new SideBySideTable(baseline.label(), candidate.label()).print(runs, System.out);
    }
}
