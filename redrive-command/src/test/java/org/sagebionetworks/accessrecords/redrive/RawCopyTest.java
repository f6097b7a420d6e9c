package org.sagebionetworks.accessrecords.redrive;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;
import org.sagebionetworks.accessrecords.kafka.DeadLetterHeaders;
import org.sagebionetworks.accessrecords.testing.RawRecords;

class RawCopyTest {

    @Test
    void aServiceLetterGoesBackWithItsKeyBytesAndOwnHeadersAndNamesTheLetter() {
        RecordHeaders headers = new RecordHeaders();
        headers.add("traceparent", utf8("00-abc"));
        DeadLetterHeaders.add(headers, "ABSURD_VALUE", "too far ahead", "raw", 2, 17, 1_000L);
        Letter letter = letter(utf8("s-1"), utf8("{\"x\":1}"), headers);

        ProducerRecord<byte[], byte[]> copy = RawCopy.of(letter, "raw");

        assertThat(copy.topic()).isEqualTo("raw");
        assertThat(copy.key()).isEqualTo(utf8("s-1"));
        assertThat(copy.value()).isEqualTo(utf8("{\"x\":1}"));
        assertThat(copy.timestamp()).as("stamped when republished").isNull();
        assertThat(copy.headers().toArray())
                .extracting(Header::key)
                .containsExactly("traceparent", RawCopy.REDRIVEN_FROM);
        assertThat(copy.headers().lastHeader(RawCopy.REDRIVEN_FROM).value()).isEqualTo(utf8("dlq/1@5"));
    }

    @Test
    void aKeylessLoaderLetterIsKeyedByItsSessionIdLikeEveryRawRecord() {
        RecordHeaders headers = new RecordHeaders();
        DeadLetterHeaders.addArchiveSource(headers, "MISSING_FIELD", "no userId", "s3://b/k.gz", 3);
        byte[] line = RawRecords.example().sessionId("s-loaded").bytes();

        ProducerRecord<byte[], byte[]> copy = RawCopy.of(letter(null, line, headers), "raw");

        assertThat(copy.key()).isEqualTo(utf8("s-loaded"));
        assertThat(copy.headers().lastHeader(DeadLetterHeaders.SOURCE_OBJECT)).isNull();
    }

    @Test
    void aLoaderLetterOfALineOverTheLimitIsNotWholeAndAServiceOneIs() {
        RecordHeaders loader = new RecordHeaders();
        DeadLetterHeaders.addArchiveSource(loader, "TOO_LARGE", "cut", "s3://b/k.gz", 3);
        RecordHeaders service = new RecordHeaders();
        DeadLetterHeaders.add(service, "TOO_LARGE", "large", "raw", 0, 1, 1L);

        assertThat(letter(null, utf8("{\"cut"), loader).whole()).isFalse();
        assertThat(letter(utf8("s"), utf8("{}"), service).whole()).isTrue();
    }

    private static Letter letter(byte[] key, byte[] value, RecordHeaders headers) {
        return new Letter(new ConsumerRecord<>(
                "dlq", 1, 5, 0L, TimestampType.CREATE_TIME, 0, 0, key, value, headers, Optional.empty()));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
