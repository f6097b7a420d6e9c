package org.sagebionetworks.accessrecords.redrive;

import static org.sagebionetworks.accessrecords.toolsupport.KafkaCalls.await;

import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.sagebionetworks.accessrecords.toolsupport.KafkaOptions;

/**
 * One run: reads the dead-letter topic to its current end, and republishes each chosen letter that no earlier run
 * redrove, with its progress record in the same transaction. A dry run reads the same and writes nothing.
 */
final class Redrive {

    /** Letters per transaction: a failed run loses at most these, and redoes them when run again. */
    private static final int LETTERS_PER_TRANSACTION = 100;

    private final KafkaOptions kafka;
    private final RedriveTarget target;
    private final LetterChoice choice;
    private final boolean dryRun;
    private final PrintStream out;
    private final RedriveSummary summary;
    private final List<String> pending = new ArrayList<>();
    private RedrivePublisher publisher;
    private Set<String> done;

    Redrive(KafkaOptions kafka, RedriveTarget target, LetterChoice choice, boolean dryRun, PrintStream out) {
        this.kafka = kafka;
        this.target = target;
        this.choice = choice;
        this.dryRun = dryRun;
        this.out = out;
        this.summary = new RedriveSummary(target.deadLetterTopic(), dryRun);
    }

    RedriveSummary summary() {
        return summary;
    }

    void run() {
        TopicScan scan = new TopicScan(kafka.client().common(), kafka.timeout());
        boolean progressExists = prepare();
        if (!dryRun) {
            publisher = new RedrivePublisher(kafka.client().common(), target.transactionalId());
        }
        try {
            // Read after the publisher's fencing, so no earlier run can still commit what this one would redo.
            done = progressExists ? target.progress().redriven(scan, target.deadLetterTopic()) : Set.of();
            scan.read(target.deadLetterTopic(), choice.from(), record -> handle(new Letter(record)));
            commit();
        } finally {
            if (publisher != null) {
                publisher.abort();
                publisher.close();
            }
        }
    }

    /** Checks the topics; creates the progress topic unless dry. Whether the progress topic exists now. */
    private boolean prepare() {
        try (Admin admin = kafka.admin()) {
            Set<String> topics = await(admin.listTopics().names(), "list topics", kafka.timeout());
            for (String topic : List.of(target.deadLetterTopic(), target.rawTopic())) {
                if (!topics.contains(topic)) {
                    throw new RedriveRefusedException("Topic " + topic + " does not exist: check --from-topic, "
                            + "--raw-topic (env ACCESS_RECORDS_TOPICS_RAW) and --bootstrap-servers.");
                }
            }
            if (dryRun) {
                return topics.contains(target.progress().topic());
            }
            target.progress().ensureTopic(admin, target.progressReplicationFactor(), kafka.timeout());
            return true;
        }
    }

    private void handle(Letter letter) {
        summary.read++;
        if (letter.fromSink()) {
            throw new RedriveRefusedException(SinkLetters.refusal(letter));
        }
        if (!choice.chooses(letter)) {
            summary.notChosen++;
        } else if (done.contains(letter.id())) {
            summary.alreadyRedriven++;
        } else if (!letter.whole()) {
            summary.notWhole.add(letter.id());
            out.println("cannot redrive " + describe(letter) + ": the loader kept only the start of a line over "
                    + "its limit; load that object again with a larger --max-record-bytes");
        } else if (dryRun) {
            summary.wouldRedrive++;
            out.println("would redrive " + describe(letter));
        } else {
            publisher.send(
                    RawCopy.of(letter, target.rawTopic()),
                    target.progress().record(letter, target.rawTopic(), Instant.now()));
            pending.add(describe(letter));
            if (pending.size() >= LETTERS_PER_TRANSACTION) {
                commit();
            }
        }
    }

    /** Commits the open transaction, and only then says what it redrove. */
    private void commit() {
        if (publisher == null) {
            return;
        }
        publisher.commit();
        pending.forEach(line -> out.println("redriven " + line));
        summary.redriven += pending.size();
        pending.clear();
    }

    private String describe(Letter letter) {
        return letter.id() + " " + letter.reason() + " (from " + letter.source() + ") to " + target.rawTopic();
    }
}
