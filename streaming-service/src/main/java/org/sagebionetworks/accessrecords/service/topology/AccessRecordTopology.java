package org.sagebionetworks.accessrecords.service.topology;

import java.time.Instant;
import java.util.Map;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.sagebionetworks.accessrecords.core.output.EncodedRow;
import org.sagebionetworks.accessrecords.service.config.DedupConfig;
import org.sagebionetworks.accessrecords.service.dedup.ClockSkewLimit;
import org.sagebionetworks.accessrecords.service.dedup.DedupStep;
import org.sagebionetworks.accessrecords.service.enrich.EnrichStep;
import org.sagebionetworks.accessrecords.service.enrich.Routed;
import org.sagebionetworks.accessrecords.service.metrics.PipelineMetrics;

/**
 * raw [+ history] -> enrich (bad input -> dead-letter topic) -> [re-key by session_id] -> dedup -> processed
 * [+ serving, the rows of the version's serving window].
 * The service and the tests build the topology here and nowhere else.
 */
public final class AccessRecordTopology {

    private static final String ROUTE = "route-";
    private static final String DEAD_LETTER = "dead-letter";
    private static final String ENRICHED = "enriched";
    public static final String REPARTITION_NAME = "rows-by-session-id";

    private AccessRecordTopology() {}

    /**
     * The history topic, when there is one, is read by the same source as the raw topic: with as many partitions
     * (checked at startup), equal keys of both meet in one task and its dedup store, and the task takes records of
     * both in timestamp order, so history loaded before the version starts is deduplicated with the raw records.
     *
     * @param inputKeyedBySessionId when the raw topic is keyed by sessionId, equal session ids already share a
     *                              partition and no repartition topic is needed
     */
    public static Topology build(
            AccessRecordTopics topics,
            DedupConfig dedup,
            boolean inputKeyedBySessionId,
            int maxRecordBytes,
            PipelineMetrics metrics) {
        ClockSkewLimit clockSkew = new ClockSkewLimit(dedup.maxClockSkew());
        StreamsBuilder builder = new StreamsBuilder();
        Map<String, KStream<byte[], Routed>> routes = builder.stream(
                        topics.inputs(),
                        Consumed.with(topics.raw().keySerde(), topics.raw().valueSerde())
                                .withName("raw"))
                .process(
                        EnrichStep.processor(maxRecordBytes, inputKeyedBySessionId, clockSkew, metrics),
                        Named.as("enrich"))
                .split(Named.as(ROUTE))
                .branch((key, routed) -> routed instanceof Routed.DeadLetter, Branched.as(DEAD_LETTER))
                .defaultBranch(Branched.as(ENRICHED));

        routes.get(ROUTE + DEAD_LETTER)
                .mapValues(routed -> ((Routed.DeadLetter) routed).original(), Named.as("dead-letter-bytes"))
                .to(topics.deadLetter().name(), produced(topics.deadLetter(), "dead-letter"));

        KStream<byte[], EncodedRow> rows =
                routes.get(ROUTE + ENRICHED).mapValues(routed -> ((Routed.Enriched) routed).row(), Named.as("rows"));
        if (!inputKeyedBySessionId) {
            rows = rows.repartition(Repartitioned.with(topics.processed().keySerde(), AccessRecordTopics.ROWS)
                    .withName(REPARTITION_NAME));
        }
        KStream<byte[], EncodedRow> unique =
                rows.processValues(DedupStep.processor(dedup.horizon(), clockSkew, metrics), Named.as("dedup"));
        unique.to(topics.processed().name(), produced(topics.processed(), "processed"));
        topics.serving().ifPresent(serving -> serve(unique, serving));
        return builder.build();
    }

    /**
     * The same rows, in the same transaction, so the serving topic never holds a row the processed topic lacks, nor
     * the other way round, whatever fails in between.
     */
    private static void serve(KStream<byte[], EncodedRow> unique, AccessRecordTopics.Serving serving) {
        unique.filter(
                        (key, row) -> serving.window().contains(Instant.ofEpochMilli(row.timestampMillis())),
                        Named.as("serving-window"))
                .to(serving.topic().name(), produced(serving.topic(), "serving"));
    }

    private static <K, V> Produced<K, V> produced(AccessRecordTopics.Topic<K, V> topic, String name) {
        return Produced.with(topic.keySerde(), topic.valueSerde()).withName(name);
    }
}
