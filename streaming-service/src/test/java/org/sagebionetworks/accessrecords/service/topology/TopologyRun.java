package org.sagebionetworks.accessrecords.service.topology;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.test.TestUtils;
import org.sagebionetworks.accessrecords.core.output.EncodedRow;
import org.sagebionetworks.accessrecords.schema.ProcessedAccessRecord;
import org.sagebionetworks.accessrecords.service.config.DedupConfig;
import org.sagebionetworks.accessrecords.service.metrics.PipelineMetrics;

/** The service's topology on Kafka's TopologyTestDriver, as the topology tests run it, with typed topics. */
final class TopologyRun implements AutoCloseable {

    private static final int MAX_RECORD_BYTES = 1_000_000;

    final TopologyTestDriver driver;

    TopologyRun(
            AccessRecordTopics topics, DedupConfig dedup, boolean keyed, MeterRegistry registry, Instant wallClock) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "topology-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, TestUtils.tempDirectory().getPath());
        driver = new TopologyTestDriver(topology(topics, dedup, keyed, registry), props, wallClock);
    }

    static Topology topology(AccessRecordTopics topics, DedupConfig dedup, boolean keyed, MeterRegistry registry) {
        return AccessRecordTopology.build(
                topics, dedup, keyed, MAX_RECORD_BYTES, new PipelineMetrics(registry, Clock.systemUTC()));
    }

    <K, V> TestInputTopic<K, V> input(AccessRecordTopics.Topic<K, V> topic) {
        return driver.createInputTopic(
                topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer());
    }

    <K, V> TestOutputTopic<K, V> output(AccessRecordTopics.Topic<K, V> topic) {
        return driver.createOutputTopic(
                topic.name(),
                topic.keySerde().deserializer(),
                topic.valueSerde().deserializer());
    }

    /** A topic of rows, each decoded to the whole row, as the tests compare them. */
    TestOutputTopic<byte[], ProcessedAccessRecord> rows(AccessRecordTopics.Topic<byte[], EncodedRow> topic) {
        return driver.createOutputTopic(
                topic.name(),
                topic.keySerde().deserializer(),
                (name, bytes) -> topic.valueSerde()
                        .deserializer()
                        .deserialize(name, bytes)
                        .decode());
    }

    @Override
    public void close() {
        driver.close();
    }
}
