package org.sagebionetworks.accessrecords.deadletters;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.connect.converters.ByteArrayConverter;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.storage.HeaderConverter;
import org.apache.kafka.connect.storage.SimpleHeaderConverter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Why the archive connector sets {@code header.converter} to ByteArrayConverter: Connect's default,
 * SimpleHeaderConverter, parses each header's text as a value (numbers, booleans, lists, maps, dates), so a header
 * such as an error message that looks like JSON reaches the transform as something else, and its text form is not
 * the bytes the letter carried.
 */
class HeaderConverterTest {

    private static final String TOPIC = "synapse.accessrecords.raw.dlq";

    @ParameterizedTest
    @ValueSource(
            strings = {
                "42",
                "007",
                "true",
                "2026-03-01T23:59:58Z",
                "{\"sessionId\": 1}",
                "[1, 2]",
                "payload.sessionId is missing",
                ""
            })
    void byteArrayConverterKeepsEveryHeaderAsTheTextItWas(String header) {
        assertThat(archived(new ByteArrayConverter(), header)).isEqualTo(header);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"sessionId\": 1}", "[1,2]", "007"})
    void connectsDefaultHeaderConverterChangesHeadersThatLookLikeValues(String header) {
        assertThat(archived(new SimpleHeaderConverter(), header)).isNotEqualTo(header);
    }

    private static String archived(HeaderConverter converter, String header) {
        SchemaAndValue converted = converter.toConnectHeader(TOPIC, "error.message", header.getBytes(UTF_8));
        ConnectHeaders headers = new ConnectHeaders();
        headers.add("error.message", converted);
        return LetterHeaders.of(headers).text().get("error.message");
    }
}
