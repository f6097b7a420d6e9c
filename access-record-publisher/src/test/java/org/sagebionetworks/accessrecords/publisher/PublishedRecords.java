package org.sagebionetworks.accessrecords.publisher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.record.TimestampType;
import org.sagebionetworks.accessrecords.core.Outcome;
import org.sagebionetworks.accessrecords.core.validation.RawRecordParser;
import org.sagebionetworks.accessrecords.schema.RawAccessRecord;
import org.sagebionetworks.accessrecords.schema.RawAccessRecordEnvelope;
import org.sagebionetworks.accessrecords.testing.SyntheticTraffic;

/** What the integration tests publish, and the checks they make on what arrived. */
final class PublishedRecords {

    private static final RawRecordParser PARSER = new RawRecordParser();

    private PublishedRecords() {}

    /** Distinct, valid, Synapse-like envelopes of about 1 KB each. */
    static List<String> lines(int count) {
        SyntheticTraffic traffic = new SyntheticTraffic(count, 1_700_000_000_000L, 20L);
        List<String> lines = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            lines.add(traffic.next());
        }
        return lines;
    }

    static List<String> sessionIds(List<String> lines) {
        return lines.stream()
                .map(line -> payloadOf(line.getBytes(StandardCharsets.UTF_8)).getSessionId())
                .toList();
    }

    /** Key = the payload's sessionId, record timestamp = the payload's timestamp as the producer set it. */
    static void assertKeyedAndStampedFromPayload(ConsumerRecord<byte[], byte[]> record) {
        RawAccessRecord payload = payloadOf(record.value());
        assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo(payload.getSessionId());
        assertThat(record.timestampType()).isEqualTo(TimestampType.CREATE_TIME);
        assertThat(record.timestamp()).isEqualTo(payload.getTimestamp());
    }

    static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Polls the publisher's stats until {@code done} holds; fails with the last stats after {@code timeout}. */
    static PublisherStats awaitStats(AccessRecordPublisher publisher, Predicate<PublisherStats> done, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        PublisherStats stats = publisher.stats();
        while (!done.test(stats)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + "; stats: " + stats);
            }
            TimeUnit.MILLISECONDS.sleep(50);
            stats = publisher.stats();
        }
        return stats;
    }

    /** Polls until {@code done} holds; fails naming {@code what} after {@code timeout}. */
    static void await(BooleanSupplier done, Duration timeout, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what);
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }

    private static RawAccessRecord payloadOf(byte[] json) {
        Outcome<RawAccessRecordEnvelope> outcome = PARSER.parse(json);
        assertThat(outcome).isInstanceOf(Outcome.Accepted.class);
        return ((Outcome.Accepted<RawAccessRecordEnvelope>) outcome).value().getPayload();
    }
}
