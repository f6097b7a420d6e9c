package org.sagebionetworks.accessrecords.deadletters;

import java.util.Date;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.transforms.Transformation;
import org.sagebionetworks.accessrecords.schema.DeadLetterColumns;

/**
 * Turns a dead letter (key and value as bytes, from ByteArrayConverter) into one Struct with its coordinates,
 * time, bytes, headers and reason, so that Confluent's S3 sink, whose JsonFormat writes only values, writes the
 * whole letter as one JSON line. The record keeps its topic, partition and timestamp; its headers move into the
 * value and are dropped from the record so the sink has nothing else to write.
 */
public final class DeadLetterEnvelope<R extends ConnectRecord<R>> implements Transformation<R> {

    @Override
    public R apply(R letter) {
        if (letter.timestamp() == null) {
            // Its day is its folder; a letter without one cannot be archived, and must not be dropped either.
            throw new DataException("the dead letter at " + coordinates(letter) + " has no timestamp");
        }
        LetterHeaders headers = LetterHeaders.of(letter.headers());
        byte[] key = bytes(letter.key(), "key", letter);
        byte[] value = bytes(letter.value(), "value", letter);
        Struct envelope = new Struct(EnvelopeSchema.SCHEMA)
                .put(DeadLetterColumns.TOPIC, letter.topic())
                .put(DeadLetterColumns.PARTITION, letter.kafkaPartition())
                .put(DeadLetterColumns.OFFSET, offset(letter))
                .put(DeadLetterColumns.DEAD_LETTERED_AT, new Date(letter.timestamp()))
                .put(DeadLetterColumns.KEY, Utf8Text.decodeOrNull(key))
                .put(DeadLetterColumns.KEY_BASE64, Utf8Text.base64IfNotText(key))
                .put(DeadLetterColumns.VALUE, Utf8Text.decodeOrNull(value))
                .put(DeadLetterColumns.VALUE_BASE64, Utf8Text.base64IfNotText(value))
                .put(DeadLetterColumns.HEADERS, headers.text())
                .put(DeadLetterColumns.HEADERS_BASE64, headers.base64())
                .put(DeadLetterColumns.REASON, headers.reason());
        return letter.newRecord(
                letter.topic(),
                letter.kafkaPartition(),
                letter.keySchema(),
                letter.key(),
                EnvelopeSchema.SCHEMA,
                envelope,
                letter.timestamp(),
                new ConnectHeaders());
    }

    /** ByteArrayConverter gives bytes; anything else means the connector's converters were changed. */
    private static byte[] bytes(Object field, String which, ConnectRecord<?> letter) {
        if (field == null || field instanceof byte[]) {
            return (byte[]) field;
        }
        throw new DataException("the " + which + " of the dead letter at " + coordinates(letter) + " is a "
                + field.getClass().getName() + ", not bytes: set " + which
                + ".converter=org.apache.kafka.connect.converters.ByteArrayConverter");
    }

    /** Sink records know their offset; a source record (never archived here) has none. */
    private static long offset(ConnectRecord<?> letter) {
        if (letter instanceof SinkRecord) {
            return ((SinkRecord) letter).kafkaOffset();
        }
        throw new DataException("DeadLetterEnvelope runs only in a sink connector");
    }

    private static String coordinates(ConnectRecord<?> letter) {
        return letter.topic() + "-" + letter.kafkaPartition();
    }

    @Override
    public ConfigDef config() {
        return new ConfigDef();
    }

    @Override
    public void configure(Map<String, ?> settings) {}

    @Override
    public void close() {}
}
