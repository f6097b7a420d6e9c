package org.sagebionetworks.accessrecords.deadletters;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;
import org.sagebionetworks.accessrecords.kafka.DeadLetterHeaders;
import org.sagebionetworks.accessrecords.schema.DeadLetterColumns;
import org.sagebionetworks.accessrecords.schema.SharedNames;

class DeadLetterEnvelopeTest {

    private static final Instant DEAD_LETTERED = Instant.parse("2026-03-01T23:59:59.123Z");
    private static final byte[] NOT_UTF8 = {(byte) 0xC3, (byte) 0x28, 'x'};

    private final DeadLetterEnvelope<SinkRecord> envelope = new DeadLetterEnvelope<>();

    @Test
    void aServiceLetterKeepsItsKeyBytesHeadersAndReason() {
        ConnectHeaders headers = new ConnectHeaders();
        headers.addBytes(DeadLetterHeaders.ERROR_CLASS, bytes("MISSING_FIELD"));
        headers.addBytes("error.message", bytes("payload.sessionId is missing"));
        headers.addBytes("source.topic", bytes(SharedNames.RAW_TOPIC));
        headers.addBytes("source.offset", bytes("42"));
        headers.addBytes("source.timestamp", bytes("2026-03-01T23:59:58Z"));

        Struct letter =
                envelopeOf(letter(SharedNames.DEAD_LETTER_TOPIC, bytes("session-1"), bytes("{\"x\":1}"), headers));

        assertThat(letter.getString(DeadLetterColumns.TOPIC)).isEqualTo(SharedNames.DEAD_LETTER_TOPIC);
        assertThat(letter.getInt32(DeadLetterColumns.PARTITION)).isEqualTo(3);
        assertThat(letter.getInt64(DeadLetterColumns.OFFSET)).isEqualTo(17L);
        assertThat(letter.get(DeadLetterColumns.DEAD_LETTERED_AT)).isEqualTo(Date.from(DEAD_LETTERED));
        assertThat(letter.getString(DeadLetterColumns.KEY)).isEqualTo("session-1");
        assertThat(letter.getString(DeadLetterColumns.VALUE)).isEqualTo("{\"x\":1}");
        assertThat(letter.getString(DeadLetterColumns.VALUE_BASE64)).isNull();
        assertThat(letter.getString(DeadLetterColumns.REASON)).isEqualTo("MISSING_FIELD");
        assertThat(letter.<String, String>getMap(DeadLetterColumns.HEADERS))
                .containsExactly(
                        entry(DeadLetterHeaders.ERROR_CLASS, "MISSING_FIELD"),
                        entry("error.message", "payload.sessionId is missing"),
                        entry("source.topic", SharedNames.RAW_TOPIC),
                        entry("source.offset", "42"),
                        entry("source.timestamp", "2026-03-01T23:59:58Z"));
        assertThat(letter.<String, String>getMap(DeadLetterColumns.HEADERS_BASE64))
                .isEmpty();
    }

    @Test
    void aLoaderLetterWithoutAKeyHasNoKey() {
        ConnectHeaders headers = new ConnectHeaders();
        headers.addBytes(DeadLetterHeaders.ERROR_CLASS, bytes("MALFORMED_JSON"));
        headers.addBytes("source.object", bytes("s3://archive/2026-03-01/a.gz"));
        headers.addBytes("source.line", bytes("7"));

        Struct letter = envelopeOf(letter(SharedNames.DEAD_LETTER_TOPIC, null, bytes("{not json"), headers));

        assertThat(letter.getString(DeadLetterColumns.KEY)).isNull();
        assertThat(letter.getString(DeadLetterColumns.KEY_BASE64)).isNull();
        assertThat(letter.getString(DeadLetterColumns.VALUE)).isEqualTo("{not json");
        assertThat(letter.getString(DeadLetterColumns.REASON)).isEqualTo("MALFORMED_JSON");
        assertThat(letter.<String, String>getMap(DeadLetterColumns.HEADERS))
                .containsEntry("source.object", "s3://archive/2026-03-01/a.gz")
                .containsEntry("source.line", "7");
    }

    @Test
    void aSinkLettersReasonIsConnectsExceptionClass() {
        ConnectHeaders headers = new ConnectHeaders();
        headers.addBytes("__connect.errors.topic", bytes("synapse.accessrecords.processed.v1"));
        headers.addBytes("__connect.errors.offset", bytes("9"));
        headers.addBytes(
                "__connect.errors.exception.class.name", bytes("org.apache.kafka.connect.errors.DataException"));
        headers.addBytes("__connect.errors.exception.message", bytes("not a row"));

        Struct letter = envelopeOf(letter(SharedNames.SINK_DEAD_LETTER_TOPIC, bytes("k"), bytes("{}"), headers));

        assertThat(letter.getString(DeadLetterColumns.REASON))
                .isEqualTo("org.apache.kafka.connect.errors.DataException");
        assertThat(letter.<String, String>getMap(DeadLetterColumns.HEADERS))
                .containsEntry("__connect.errors.topic", "synapse.accessrecords.processed.v1")
                .containsEntry("__connect.errors.offset", "9")
                .containsEntry("__connect.errors.exception.message", "not a row");
    }

    @Test
    void bytesThatAreNotUtf8AreKeptInBase64AndNeverAsReplacedText() {
        ConnectHeaders headers = new ConnectHeaders();
        headers.addBytes(DeadLetterHeaders.ERROR_CLASS, bytes("MALFORMED_JSON"));
        headers.addBytes("binary", NOT_UTF8);

        Struct letter = envelopeOf(letter(SharedNames.DEAD_LETTER_TOPIC, NOT_UTF8, NOT_UTF8, headers));

        String base64 = Base64.getEncoder().encodeToString(NOT_UTF8);
        assertThat(letter.getString(DeadLetterColumns.KEY)).isNull();
        assertThat(letter.getString(DeadLetterColumns.KEY_BASE64)).isEqualTo(base64);
        assertThat(letter.getString(DeadLetterColumns.VALUE)).isNull();
        assertThat(letter.getString(DeadLetterColumns.VALUE_BASE64)).isEqualTo(base64);
        assertThat(letter.<String, String>getMap(DeadLetterColumns.HEADERS)).doesNotContainKey("binary");
        assertThat(letter.<String, String>getMap(DeadLetterColumns.HEADERS_BASE64))
                .containsExactly(entry("binary", base64));
    }

    @Test
    void aNullValueStaysNullAndTheLetterIsStillArchived() {
        ConnectHeaders headers = new ConnectHeaders();
        headers.addBytes(DeadLetterHeaders.ERROR_CLASS, bytes("MALFORMED_JSON"));

        Struct letter = envelopeOf(letter(SharedNames.DEAD_LETTER_TOPIC, bytes("k"), null, headers));

        assertThat(letter.getString(DeadLetterColumns.VALUE)).isNull();
        assertThat(letter.getString(DeadLetterColumns.VALUE_BASE64)).isNull();
        assertThat(letter.getString(DeadLetterColumns.REASON)).isEqualTo("MALFORMED_JSON");
    }

    @Test
    void theRecordKeepsItsPlaceAndTimeAndCarriesNoHeadersOfItsOwn() {
        ConnectHeaders headers = new ConnectHeaders();
        headers.addBytes(DeadLetterHeaders.ERROR_CLASS, bytes("TOO_LARGE"));

        SinkRecord archived = envelope.apply(letter(SharedNames.DEAD_LETTER_TOPIC, null, bytes("x"), headers));

        assertThat(archived.topic()).isEqualTo(SharedNames.DEAD_LETTER_TOPIC);
        assertThat(archived.kafkaPartition()).isEqualTo(3);
        assertThat(archived.kafkaOffset()).isEqualTo(17L);
        assertThat(archived.timestamp()).isEqualTo(DEAD_LETTERED.toEpochMilli());
        assertThat(archived.headers()).isEmpty();
    }

    @Test
    void aValueThatIsNotBytesNamesTheConverterToSet() {
        SinkRecord parsed = new SinkRecord(
                SharedNames.DEAD_LETTER_TOPIC,
                0,
                null,
                null,
                Schema.STRING_SCHEMA,
                "text",
                1L,
                DEAD_LETTERED.toEpochMilli(),
                TimestampType.CREATE_TIME);

        assertThatThrownBy(() -> envelope.apply(parsed))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("value.converter=org.apache.kafka.connect.converters.ByteArrayConverter");
    }

    @Test
    void theReasonHeaderIsTheOneTheServiceAndLoaderWrite() {
        assertThat(LetterHeaders.ERROR_CLASS).isEqualTo(DeadLetterHeaders.ERROR_CLASS);
    }

    private Struct envelopeOf(SinkRecord letter) {
        Struct value = (Struct) envelope.apply(letter).value();
        value.validate();
        return value;
    }

    private static SinkRecord letter(String topic, byte[] key, byte[] value, ConnectHeaders headers) {
        return new SinkRecord(
                topic,
                3,
                Schema.OPTIONAL_BYTES_SCHEMA,
                key,
                Schema.OPTIONAL_BYTES_SCHEMA,
                value,
                17L,
                DEAD_LETTERED.toEpochMilli(),
                TimestampType.CREATE_TIME,
                headers);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(UTF_8);
    }

    private static java.util.Map.Entry<String, String> entry(String key, String value) {
        return java.util.Map.entry(key, value);
    }
}
