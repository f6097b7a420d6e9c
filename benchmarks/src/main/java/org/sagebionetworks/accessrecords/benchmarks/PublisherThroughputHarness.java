package org.sagebionetworks.accessrecords.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.sagebionetworks.accessrecords.publisher.AccessRecordPublisher;
import org.sagebionetworks.accessrecords.publisher.BufferFullPolicy;
import org.sagebionetworks.accessrecords.publisher.PublisherConfig;
import org.sagebionetworks.accessrecords.publisher.PublisherStats;
import org.sagebionetworks.accessrecords.testing.SyntheticTraffic;
import org.sagebionetworks.accessrecords.testsupport.KafkaCluster;

/**
 * The access-record publisher against a real KRaft broker in this JVM (6-partition topic, a fresh one per run),
 * fed from one thread with synthetic records generated beforehand. Two questions: how many records a second it
 * can get acknowledged when pushed as hard as possible (BLOCK policy with a long maxBlock, so back-pressure
 * instead of drops; zstd and lz4 runs alternate, after one unreported warm-up run), and what publish() and the
 * acknowledgement cost at a steady rate with the default settings (DROP). Latencies are the publisher's own stats.
 * Not a test: run by hand, see BENCHMARKS.md.
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar
 * org.sagebionetworks.accessrecords.benchmarks.PublisherThroughputHarness [records=300000] [runs=3] [rate=2000]
 * [seconds=30]}
 */
public final class PublisherThroughputHarness {

    private static final int PARTITIONS = 6;

    private PublisherThroughputHarness() {}

    private record Run(long nanos, PublisherStats stats, long brokerBytes) {}

    public static void main(String[] args) throws Exception {
        int records = HarnessMain.intArgument(args, 0, 300_000);
        int runs = HarnessMain.intArgument(args, 1, 3);
        int rate = HarnessMain.intArgument(args, 2, 2_000);
        int seconds = HarnessMain.intArgument(args, 3, 30);
        KafkaCluster.startForThisJvm();
        List<String> lines = generate(records);
        publish(saturating("zstd"), lines, Math.min(records, 100_000), 0);
        System.out.println("warmed up (one unreported saturated run)");
        for (int run = 1; run <= runs; run++) {
            for (String compression : List.of("zstd", "lz4")) {
                report(
                        "saturated, " + compression + ", run " + run,
                        publish(saturating(compression), lines, records, 0));
            }
        }
        report(
                "paced at " + rate + "/s for " + seconds + " s, defaults",
                publish(config(), lines, rate * seconds, rate));
        System.exit(0);
    }

    private static List<String> generate(int count) {
        SyntheticTraffic traffic = new SyntheticTraffic(7L, 1_700_000_000_000L, 20L);
        List<String> lines = new ArrayList<>(count);
        long chars = 0;
        for (int i = 0; i < count; i++) {
            lines.add(traffic.next());
            chars += lines.get(i).length();
        }
        System.out.printf("generated %,d records, %,d bytes on average%n", count, chars / count);
        return lines;
    }

    /** Back-pressure instead of drops: the publisher waits for buffer space, so it runs at what the broker takes. */
    private static PublisherConfig.Builder saturating(String compression) {
        return config().compression(compression)
                .bufferFullPolicy(BufferFullPolicy.BLOCK)
                .maxBlock(Duration.ofMinutes(1));
    }

    private static PublisherConfig.Builder config() {
        return PublisherConfig.builder(KafkaCluster.bootstrapServers()).clientId(KafkaCluster.uniqueName("bench"));
    }

    /** Publishes {@code count} records (cycling through {@code lines}), at {@code rate} a second or flat out (0). */
    private static Run publish(PublisherConfig.Builder config, List<String> lines, int count, int rate) {
        String topic = KafkaCluster.uniqueName("raw");
        KafkaCluster.createTopic(topic, PARTITIONS, Map.of());
        AccessRecordPublisher publisher =
                new AccessRecordPublisher(config.topic(topic).build());
        long interval = rate == 0 ? 0 : TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long due = start + i * interval;
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            publisher.publish(lines.get(i % lines.size()));
        }
        publisher.close(Duration.ofMinutes(1));
        return new Run(System.nanoTime() - start, publisher.stats(), TopicFootprint.bytesOnBroker(topic, PARTITIONS));
    }

    private static void report(String name, Run run) {
        PublisherStats stats = run.stats();
        System.out.printf(
                "%s: %,d records acknowledged in %.1f s = %,.0f records/s; publish() p50 %s p99 %s max %s;"
                        + " ack p50 %s p99 %s; %,d bytes a record on the broker; dropped %,d, failed %,d%n",
                name,
                stats.sent(),
                run.nanos() / 1e9,
                stats.sent() / (run.nanos() / 1e9),
                micros(stats.publishCall().p50()),
                micros(stats.publishCall().p99()),
                micros(stats.publishCall().max()),
                micros(stats.ack().p50()),
                micros(stats.ack().p99()),
                run.brokerBytes() / Math.max(1, stats.sent()),
                stats.dropped(),
                stats.failed());
    }

    private static String micros(Duration duration) {
        return String.format("%,d us", duration.toNanos() / 1_000);
    }
}
