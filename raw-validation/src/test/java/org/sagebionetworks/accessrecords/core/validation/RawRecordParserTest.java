package org.sagebionetworks.accessrecords.core.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sagebionetworks.accessrecords.core.Outcome;
import org.sagebionetworks.accessrecords.core.Outcome.Accepted;
import org.sagebionetworks.accessrecords.core.Outcome.Rejected;
import org.sagebionetworks.accessrecords.schema.RawAccessRecord;
import org.sagebionetworks.accessrecords.schema.RawAccessRecordEnvelope;
import org.sagebionetworks.accessrecords.testing.RawRecords;

class RawRecordParserTest {

    private final RawRecordParser parser = new RawRecordParser();

    @Test
    void readsTheReferenceExample() {
        RawAccessRecord payload = accepted(RawRecords.example().bytes()).getPayload();

        assertThat(payload.getSessionId()).isEqualTo("7dfda870-44ab-4620-81ff-0c9c41236b6a");
        assertThat(payload.getTimestamp()).isEqualTo(1700000000123L);
        assertThat(payload.getUserId()).isEqualTo(1984530L);
        assertThat(payload.getSuccess()).isTrue();
        assertThat(payload.getOrigin()).isNull();
        assertThat(payload.getXforwardedFor()).isEqualTo("203.0.113.7");
    }

    @Test
    void optionalFieldsMayBeAbsentOrNull() {
        RawRecords onlyRequired = RawRecords.example();
        List.of(
                        "userId",
                        "userAgent",
                        "host",
                        "threadId",
                        "elapseMS",
                        "success",
                        "stack",
                        "instance",
                        "date",
                        "vmId",
                        "queryString",
                        "responseStatus",
                        "authenticationMethod",
                        "xforwardedFor")
                .forEach(onlyRequired::without);
        onlyRequired.with("origin", null);

        RawAccessRecord payload = accepted(onlyRequired.bytes()).getPayload();

        assertThat(payload.getUserAgent()).isNull();
        assertThat(payload.getUserId()).isNull();
    }

    @Test
    void ignoresFieldsTheContractDoesNotKnowAndAnyKeyOrder() {
        String reordered = "{\"payload\":{\"requestURL\":\"/repo/v1/version\",\"newField\":{\"deep\":[1,2,{}]},"
                + "\"method\":\"GET\",\"timestamp\":1700000000123,\"sessionId\":\"s-1\"},\"extra\":true}";

        assertThat(accepted(reordered.getBytes(StandardCharsets.UTF_8))
                        .getPayload()
                        .getRequestURL())
                .isEqualTo("/repo/v1/version");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sessionId", "timestamp", "method", "requestURL"})
    void aMissingRequiredFieldIsRejectedByName(String field) {
        assertThat(rejection(RawRecords.example().without(field).bytes()))
                .isEqualTo(Rejection.ofField(RejectionReason.MISSING_FIELD, "payload." + field, "absent or null"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sessionId", "timestamp", "method", "requestURL"})
    void aNullRequiredFieldIsRejectedByName(String field) {
        assertThat(rejection(RawRecords.example().with(field, null).bytes()))
                .isEqualTo(Rejection.ofField(RejectionReason.MISSING_FIELD, "payload." + field, "absent or null"));
    }

    @Test
    void anEnvelopeWithoutPayloadIsRejected() {
        byte[] json = "{\"stack\":\"prod\",\"timestamp\":1700000000123}".getBytes(StandardCharsets.UTF_8);

        assertThat(rejection(json))
                .isEqualTo(Rejection.ofField(RejectionReason.MISSING_FIELD, "payload", "absent or null"));
    }

    @Test
    void mistypedFieldsAreRejectedWithExpectedAndActualType() {
        Map<String, Object> mistyped = Map.of(
                "timestamp",
                "1700000000123",
                "sessionId",
                42L,
                "userId",
                "1984530",
                "success",
                "yes",
                "elapseMS",
                7.5,
                "method",
                List.of("GET"),
                "requestURL",
                Map.of("path", "/repo/v1/version"));
        mistyped.forEach((field, value) -> assertThat(
                        rejection(RawRecords.example().with(field, value).bytes()))
                .as(field)
                .satisfies(r -> assertThat(r.reason()).isEqualTo(RejectionReason.WRONG_TYPE))
                .satisfies(r -> assertThat(r.field()).isEqualTo("payload." + field)));

        assertThat(rejection(RawRecords.example().with("elapseMS", 7.5).bytes()).detail())
                .isEqualTo("expected an integer, got a decimal number");
    }

    @Test
    void aPayloadThatIsNotAnObjectIsRejected() {
        assertThat(rejection("{\"payload\":[1,2]}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(
                        Rejection.ofField(RejectionReason.WRONG_TYPE, "payload", "expected an object, got an array"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "\"text\"", "42", "null"})
    void aLineThatIsNotAnObjectIsRejected(String json) {
        assertThat(rejection(json.getBytes(StandardCharsets.UTF_8)).reason()).isEqualTo(RejectionReason.WRONG_TYPE);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "{",
                "{\"payload\":",
                "{'payload': {}}",
                "not json at all",
                "{\"payload\":{\"sessionId\":\"x\",}}"
            })
    void malformedJsonIsRejected(String json) {
        assertThat(rejection(json.getBytes(StandardCharsets.UTF_8)).reason()).isEqualTo(RejectionReason.MALFORMED_JSON);
    }

    @Test
    void twoRecordsOnOneLineAreRejectedAsMalformed() {
        byte[] json =
                (RawRecords.example().json() + " " + RawRecords.example().json()).getBytes(StandardCharsets.UTF_8);

        assertThat(rejection(json))
                .isEqualTo(Rejection.ofRecord(RejectionReason.MALFORMED_JSON, "more than one JSON value on the line"));
    }

    @Test
    void binaryGarbageIsRejectedAsMalformed() {
        byte[] garbage = {(byte) 0xff, (byte) 0xfe, 0x00, 0x7b, (byte) 0x80, (byte) 0xc3, 0x28, 0x01};

        assertThat(rejection(garbage).reason()).isEqualTo(RejectionReason.MALFORMED_JSON);
    }

    @Test
    void invalidUtf8InsideAStringIsRejectedAsMalformed() {
        byte[] json = RawRecords.example().with("userAgent", "PLACEHOLDER").bytes();
        String text = new String(json, StandardCharsets.ISO_8859_1).replace("PLACEHOLDER", "\u00c3\u0028");

        assertThat(rejection(text.getBytes(StandardCharsets.ISO_8859_1)).reason())
                .isEqualTo(RejectionReason.MALFORMED_JSON);
    }

    @ParameterizedTest
    @ValueSource(longs = {1_700_000_000L, -1L, 0L, 4_102_444_800_000L})
    void aTimestampNoCallCouldHaveIsAbsurd(long timestamp) {
        Rejection rejection =
                rejection(RawRecords.example().timestamp(timestamp).bytes());

        assertThat(rejection.reason()).isEqualTo(RejectionReason.ABSURD_VALUE);
        assertThat(rejection.field()).isEqualTo("payload.timestamp");
    }

    @Test
    void anIntegerBeyond64BitsIsAbsurd() {
        byte[] json = RawRecords.example()
                .json()
                .replace("\"userId\":1984530", "\"userId\":99999999999999999999")
                .getBytes(StandardCharsets.UTF_8);

        assertThat(rejection(json))
                .isEqualTo(Rejection.ofField(
                        RejectionReason.ABSURD_VALUE,
                        "payload.userId",
                        "99999999999999999999 does not fit a 64-bit integer"));
    }

    @Test
    void blankOrOverlongKeysAreAbsurd() {
        assertThat(rejection(RawRecords.example().sessionId("  ").bytes()))
                .isEqualTo(Rejection.ofField(RejectionReason.ABSURD_VALUE, "payload.sessionId", "blank"));
        assertThat(rejection(RawRecords.example().sessionId("s".repeat(129)).bytes())
                        .reason())
                .isEqualTo(RejectionReason.ABSURD_VALUE);
        assertThat(rejection(RawRecords.example().with("method", "G".repeat(33)).bytes())
                        .field())
                .isEqualTo("payload.method");
        assertThat(rejection(RawRecords.example()
                                .with("requestURL", "/repo/v1/" + "a".repeat(70_000))
                                .bytes())
                        .field())
                .isEqualTo("payload.requestURL");
    }

    @Test
    void aRecordOverTheSizeLimitIsRejectedUnread() {
        RawRecordParser small = new RawRecordParser(1_000);
        byte[] big = RawRecords.example().with("userAgent", "x".repeat(2_000)).bytes();

        assertThat(rejection(small, big))
                .isEqualTo(
                        Rejection.ofRecord(RejectionReason.TOO_LARGE, big.length + " bytes, over the limit of 1000"));
    }

    @Test
    void aTwoMegabyteRecordIsTooLargeByDefault() {
        byte[] big = RawRecords.example()
                .with("userAgent", "x".repeat(2 * 1024 * 1024))
                .bytes();

        assertThat(rejection(big).reason()).isEqualTo(RejectionReason.TOO_LARGE);
    }

    @Test
    void readsALineOutOfALargerBuffer() {
        byte[] line = RawRecords.example().bytes();
        byte[] buffer = new byte[line.length + 20];
        Arrays.fill(buffer, (byte) '#');
        System.arraycopy(line, 0, buffer, 10, line.length);

        assertThat(parser.parse(buffer, 10, line.length)).isInstanceOf(Accepted.class);
    }

    @Test
    void rejectsANonPositiveLimit() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RawRecordParser(0))
                .withMessageContaining("maxRecordBytes must be positive");
    }

    private RawAccessRecordEnvelope accepted(byte[] json) {
        Outcome<RawAccessRecordEnvelope> outcome = parser.parse(json);
        assertThat(outcome).isInstanceOf(Accepted.class);
        return ((Accepted<RawAccessRecordEnvelope>) outcome).value();
    }

    private Rejection rejection(byte[] json) {
        return rejection(parser, json);
    }

    private static Rejection rejection(RawRecordParser parser, byte[] json) {
        Outcome<RawAccessRecordEnvelope> outcome = parser.parse(json);
        assertThat(outcome).isInstanceOf(Rejected.class);
        return ((Rejected<RawAccessRecordEnvelope>) outcome).rejection();
    }
}
