package org.sagebionetworks.accessrecords.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Raw envelopes for tests: the example record from the reference document, changed one field at a time.
 */
public final class RawRecords {

    /** The reference document's example line, verbatim. */
    public static final String EXAMPLE = "{\"stack\":\"prod\",\"instance\":\"000000500\",\"timestamp\":1700000000123,"
            + "\"payload\":{\"sessionId\":\"7dfda870-44ab-4620-81ff-0c9c41236b6a\",\"timestamp\":1700000000123,"
            + "\"userId\":1984530,\"method\":\"GET\",\"requestURL\":\"/repo/v1/entity/syn2498218/bundle\","
            + "\"userAgent\":\"synapseclient/1.0.1 python-requests/2.1.0 CPython/2.7.3 Linux/3.2.0-54-virtual\","
            + "\"host\":\"repo-prod.prod.sagebase.org\",\"origin\":null,\"via\":null,\"threadId\":29152,"
            + "\"elapseMS\":72,\"success\":true,\"stack\":\"prod\",\"instance\":\"000000500\",\"date\":\"2023-11-14\","
            + "\"vmId\":\"d63f5addbcb53ade:3bc2313e:14e6fef3e73:-7ffd\",\"returnObjectId\":null,"
            + "\"queryString\":\"mask=3075\",\"responseStatus\":200,\"oauthClientId\":null,"
            + "\"basicAuthUsername\":null,\"authenticationMethod\":\"BEARERTOKEN\",\"xforwardedFor\":\"203.0.113.7\"}}";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The payload's sessionId of any line, or empty when the line has none (or is not JSON). */
    public static Optional<String> sessionIdOf(String line) {
        try {
            JsonNode id = JSON.readTree(line).path("payload").path("sessionId");
            return id.isTextual() ? Optional.of(id.asText()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private final ObjectNode envelope;

    private RawRecords(ObjectNode envelope) {
        this.envelope = envelope;
    }

    public static RawRecords example() {
        try {
            return new RawRecords((ObjectNode) JSON.readTree(EXAMPLE));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sets a payload field to any JSON-able value (a String, Long, Boolean, null, or a JsonNode). */
    public RawRecords with(String payloadField, Object value) {
        payload().set(payloadField, JSON.valueToTree(value));
        return this;
    }

    public RawRecords without(String payloadField) {
        payload().remove(payloadField);
        return this;
    }

    public RawRecords sessionId(String sessionId) {
        return with("sessionId", sessionId);
    }

    public RawRecords timestamp(long epochMillis) {
        envelope.put("timestamp", epochMillis);
        return with("timestamp", epochMillis);
    }

    public ObjectNode payload() {
        return (ObjectNode) envelope.get("payload");
    }

    public JsonNode envelope() {
        return envelope;
    }

    public String json() {
        return envelope.toString();
    }

    public byte[] bytes() {
        return json().getBytes(StandardCharsets.UTF_8);
    }
}
