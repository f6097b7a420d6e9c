package org.sagebionetworks.accessrecords.redrive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.sagebionetworks.accessrecords.kafka.DeadLetterHeaders;

/**
 * The raw record a letter holds, ready for the raw topic: its original key and bytes and the headers it arrived
 * with, without the dead-letter headers, plus {@value #REDRIVEN_FROM} naming the letter, so a record dead-lettered
 * again after a redrive says which letter it came from. It is stamped now: a raw topic with finite retention would
 * otherwise delete a letter older than its retention before the service reads it.
 */
final class RawCopy {

    static final String REDRIVEN_FROM = "redriven.from";

    private static final Set<String> DEAD_LETTER_HEADERS = Set.of(
            DeadLetterHeaders.ERROR_CLASS,
            DeadLetterHeaders.ERROR_MESSAGE,
            DeadLetterHeaders.SOURCE_TOPIC,
            DeadLetterHeaders.SOURCE_PARTITION,
            DeadLetterHeaders.SOURCE_OFFSET,
            DeadLetterHeaders.SOURCE_TIMESTAMP,
            DeadLetterHeaders.SOURCE_OBJECT,
            DeadLetterHeaders.SOURCE_LINE,
            REDRIVEN_FROM);

    private static final ObjectMapper JSON = new ObjectMapper();

    private RawCopy() {}

    static ProducerRecord<byte[], byte[]> of(Letter letter, String rawTopic) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : letter.record().headers()) {
            if (!DEAD_LETTER_HEADERS.contains(header.key())) {
                headers.add(header);
            }
        }
        headers.add(REDRIVEN_FROM, letter.id().getBytes(StandardCharsets.UTF_8));
        return new ProducerRecord<>(
                rawTopic, null, null, key(letter), letter.record().value(), headers);
    }

    /**
     * The loader's letters have no key; the record's sessionId, when it has one, puts it on the partition of its
     * live twin as every raw record is, so dedup meets them.
     */
    private static byte[] key(Letter letter) {
        if (letter.record().key() != null || letter.record().value() == null) {
            return letter.record().key();
        }
        try {
            JsonNode sessionId =
                    JSON.readTree(letter.record().value()).path("payload").path("sessionId");
            return sessionId.isTextual() ? sessionId.asText().getBytes(StandardCharsets.UTF_8) : null;
        } catch (IOException e) {
            return null;
        }
    }
}
