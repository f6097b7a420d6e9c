package org.sagebionetworks.accessrecords.service.topology;

import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.sagebionetworks.accessrecords.core.output.EncodedRow;
import org.sagebionetworks.accessrecords.schema.PipelineVersion;
import org.sagebionetworks.accessrecords.service.config.ServingConfig;
import org.sagebionetworks.accessrecords.service.config.TopicsConfig;
import org.sagebionetworks.accessrecords.service.serving.ServingWindow;

/**
 * Every topic the pipeline touches, declared once with its serdes. The service, its tests and the tools read
 * topics through here.
 */
public record AccessRecordTopics(
        Topic<byte[], byte[]> raw,
        Topic<byte[], byte[]> history,
        Topic<byte[], EncodedRow> processed,
        Topic<byte[], byte[]> deadLetter,
        Optional<Serving> serving) {

    /** A topic's name with the serdes of its keys and values. */
    public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde) {}

    /** The serving topic, with the rows, as the processed topic has them, of the version's serving window. */
    public record Serving(Topic<byte[], EncodedRow> topic, ServingWindow window) {}

    /**
     * Rows on the processed, serving and repartition topics: Avro's single-object encoding (the writer schema's
     * fingerprint and the binary row), which the sinks read with processed-record-converter.
     */
    public static final Serde<EncodedRow> ROWS =
            Serdes.serdeFrom((topic, row) -> row.message(), (topic, bytes) -> fromBytes(bytes));

    /**
     * The topics of one pipeline version: the processed topic is the version's unless set explicitly; the history
     * topic is null unless set; the serving topic is there when the version serves.
     */
    public static AccessRecordTopics from(TopicsConfig topics, PipelineVersion version, ServingConfig serving) {
        return new AccessRecordTopics(
                new Topic<>(topics.raw(), Serdes.ByteArray(), Serdes.ByteArray()),
                topics.history() == null ? null : new Topic<>(topics.history(), Serdes.ByteArray(), Serdes.ByteArray()),
                rows(topics.processedTopic(version)),
                new Topic<>(topics.deadLetter(), Serdes.ByteArray(), Serdes.ByteArray()),
                serving.window().map(window -> new Serving(rows(serving.topic()), window)));
    }

    private static Topic<byte[], EncodedRow> rows(String name) {
        return new Topic<>(name, Serdes.ByteArray(), ROWS);
    }

    /** What the service reads: the raw topic, and the version's history topic when it has one (same serdes). */
    public List<String> inputs() {
        return history == null ? List.of(raw.name()) : List.of(raw.name(), history.name());
    }

    private static EncodedRow fromBytes(byte[] bytes) {
        try {
            return EncodedRow.read(bytes);
        } catch (IllegalArgumentException e) {
            throw new SerializationException("cannot read row: " + e.getMessage(), e);
        }
    }
}
