package org.sagebionetworks.accessrecords.redrive;

import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.kafka.common.KafkaException;
import org.sagebionetworks.accessrecords.toolsupport.IsoInstantConverter;
import org.sagebionetworks.accessrecords.toolsupport.KafkaOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code redrive}: chosen dead letters back to the raw topic after a fix, once each (docs/dead-letters.md). */
@Command(
        name = "redrive",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Republish chosen dead letters of the service or the archive loader to the raw topic, with their original",
            "key and bytes, exactly once per letter: a letter redriven by any earlier run is skipped.",
            "A line per letter on stdout, then a JSON summary. Exit status: 0 done, 1 some chosen letters could not",
            "be redriven (listed), 2 refused (the sink's dead letters, bad options)."
        })
public final class RedriveCommand implements Callable<Integer> {

    @Option(
            names = "--from-topic",
            required = true,
            paramLabel = "TOPIC",
            description = "The dead-letter topic to read, e.g. synapse.accessrecords.raw.dlq.")
    private String deadLetterTopic;

    @Option(
            names = "--reason",
            paramLabel = "REASON",
            description = "Only letters with this error.class (repeatable), e.g. TOO_LARGE; default: every reason.")
    private List<String> reasons = List.of();

    @Option(
            names = "--from",
            paramLabel = "ISO-8601",
            converter = IsoInstantConverter.class,
            description = "Only letters dead-lettered at or after this time.")
    private Instant from;

    @Option(
            names = "--to",
            paramLabel = "ISO-8601",
            converter = IsoInstantConverter.class,
            description = "Only letters dead-lettered before this time.")
    private Instant to;

    @Option(
            names = "--source-topic",
            paramLabel = "TOPIC",
            description = "Only letters whose source.topic is this (the service's); the loader's carry none.")
    private String sourceTopic;

    @Option(names = "--dry-run", description = "Print what would be redriven; publish nothing.")
    private boolean dryRun;

    @Mixin
    private KafkaOptions kafka;

    @Option(
            names = "--progress-topic",
            paramLabel = "TOPIC",
            defaultValue = RedriveProgress.DEFAULT_TOPIC,
            description = "Compacted topic of the letters redriven so far, created if missing (default: "
                    + "${DEFAULT-VALUE}).")
    private String progressTopic;

    @Option(
            names = "--progress-replication-factor",
            paramLabel = "N",
            defaultValue = "${env:ACCESS_RECORDS_TOPICS_REPLICATION_FACTOR}",
            description = "Replication of the progress topic if created (default: env "
                    + "ACCESS_RECORDS_TOPICS_REPLICATION_FACTOR, else the broker's default.replication.factor).")
    private Short progressReplicationFactor;

    private PrintStream out = System.out;
    private PrintStream err = System.err;

    /** For tests: where the letters, the summary and the refusals go. */
    public RedriveCommand withStreams(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
        return this;
    }

    @Override
    public Integer call() {
        Redrive redrive;
        try {
            redrive = new Redrive(kafka, target(), choice(), dryRun, out);
        } catch (IllegalArgumentException e) {
            err.println("redrive: " + e.getMessage());
            return 2;
        }
        try {
            redrive.run();
        } catch (RedriveRefusedException e) {
            err.println("redrive refused: " + e.getMessage());
            return 2;
        } catch (IllegalStateException | KafkaException e) {
            err.println("redrive failed: " + e.getMessage());
            out.println(redrive.summary().json());
            return 1;
        }
        RedriveSummary summary = redrive.summary();
        out.println(summary.json());
        return summary.complete() ? 0 : 1;
    }

    private LetterChoice choice() {
        return new LetterChoice(Set.copyOf(reasons), from, to, sourceTopic);
    }

    private RedriveTarget target() {
        return new RedriveTarget(
                deadLetterTopic,
                kafka.rawTopic(),
                new RedriveProgress(progressTopic),
                Optional.ofNullable(progressReplicationFactor));
    }
}
