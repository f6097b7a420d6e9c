package org.sagebionetworks.accessrecords.core.enrichment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The 163 input/expected pairs taken from the Glue job (its own unit tests plus its observed behaviour on edge
 * inputs). Each is one dynamic test named after its input, so a failure says which case and how.
 */
class ReferenceVectorsTest {

    private static final String VECTORS = "/reference/enrichment-vectors.json";
    private static final int REFERENCE_CASES = 163;

    @Test
    void everyReferenceCaseIsPresent() throws IOException {
        assertThat(vectors()).hasSize(REFERENCE_CASES);
    }

    @TestFactory
    Stream<DynamicTest> matchesTheGlueJob() throws IOException {
        return vectors().stream()
                .map(vector -> DynamicTest.dynamicTest(
                        vector.get("function").asText() + vector.get("args"),
                        () -> assertThat(evaluate(vector)).isEqualTo(expected(vector.get("expected")))));
    }

    private static Object evaluate(JsonNode vector) {
        JsonNode args = vector.get("args");
        Function<Integer, String> text =
                i -> args.get(i).isNull() ? null : args.get(i).asText();
        return switch (vector.get("function").asText()) {
            case "get_client" -> ClientClassifier.classify(text.apply(0)).name();
            case "get_client_version" ->
                ClientClassifier.version(text.apply(0) == null ? null : Client.valueOf(text.apply(0)), text.apply(1));
            case "get_entity_id" -> EntityIds.of(text.apply(0));
            case "get_normalized_method_signature" -> UrlSignature.of(text.apply(0));
            case "record_date" -> Enricher.recordDate(args.get(0).asLong()).toString();
            case "instance" -> Enricher.instance(text.apply(0));
            default -> throw new IllegalArgumentException("unknown reference function " + vector.get("function"));
        };
    }

    private static Object expected(JsonNode expected) {
        if (expected.isNull()) {
            return null;
        }
        return expected.isIntegralNumber() ? (Object) expected.asLong() : expected.asText();
    }

    private static List<JsonNode> vectors() throws IOException {
        try (InputStream in = ReferenceVectorsTest.class.getResourceAsStream(VECTORS)) {
            List<JsonNode> vectors = new ArrayList<>();
            new ObjectMapper().readTree(in).get("vectors").forEach(vectors::add);
            return vectors;
        }
    }
}
