package org.sagebionetworks.accessrecords.benchmarks;

import java.time.Duration;
import java.util.List;
import org.sagebionetworks.accessrecords.publisher.AccessRecordPublisher;
import org.sagebionetworks.accessrecords.publisher.BatchResult;
import org.sagebionetworks.accessrecords.publisher.PublisherConfig;

/**
 * Landing to queryable in publisher mode ({@link LandingToQueryable}), the twin of {@link FollowLatencyHarness}:
 * each round hands fresh records to access-record-publisher in one {@code publishBatch} call, as Synapse's
 * {@code KinesisAccessRecorder.timerFired()} does, with the publisher's defaults but for the linger given (its
 * default 20 ms unless named). The records land when the call starts. Run by hand: {@code java -cp
 * local-stack/target/local-stack.jar:benchmarks/target/classes ...PublisherLatencyHarness ROUNDS RECORDS [LINGER]},
 * e.g. {@code 10 100} or {@code 10 100 PT0.02S}.
 */
public final class PublisherLatencyHarness {

    private static final Duration CLOSE_PATIENCE = Duration.ofSeconds(30);

    private PublisherLatencyHarness() {}

    public static void main(String[] args) throws Exception {
        int rounds = Integer.parseInt(args[0]);
        int records = Integer.parseInt(args[1]);
        try (LandingToQueryable bench = LandingToQueryable.start("publisher-latency")) {
            PublisherConfig.Builder config = PublisherConfig.builder(
                            bench.stack().bootstrapServers())
                    .topic(bench.stack().enricherTopics().raw())
                    .clientId("synapse-latency");
            if (args.length > 2) {
                config.linger(Duration.parse(args[2]));
            }
            AccessRecordPublisher publisher = new AccessRecordPublisher(config.build());
            try {
                bench.measure(rounds, records, (round, lines) -> publish(publisher, lines));
            } finally {
                publisher.close(CLOSE_PATIENCE);
            }
            System.out.println("publisher: " + publisher.stats());
        }
    }

    /** A record the publisher refuses would never arrive: stop and say so rather than wait for it. */
    private static long publish(AccessRecordPublisher publisher, List<String> lines) {
        long landed = System.nanoTime();
        BatchResult result = publisher.publishBatch(lines);
        if (result.accepted() != lines.size()) {
            throw new IllegalStateException("the publisher refused records: " + result);
        }
        return landed;
    }
}
