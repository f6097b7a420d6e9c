package org.sagebionetworks.accessrecords.core.enrichment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Random dirty URLs and user agents (percent escapes cut in half, Arabic-Indic digits, final sigma, Python-only
 * whitespace, dotted Is) with the answers Python 3 itself gave for the Glue job's rules; see
 * {@code src/test/python/python_parity_cases.py}, which wrote them.
 */
class PythonParityTest {

    private static JsonNode cases;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = PythonParityTest.class.getResourceAsStream("/reference/python-parity-cases.json")) {
            cases = new ObjectMapper().readTree(in);
        }
    }

    @Test
    void urlSignaturesMatchPython() {
        SoftAssertions softly = new SoftAssertions();
        for (JsonNode c : cases) {
            softly.assertThat(UrlSignature.of(c.get("url").asText()))
                    .as(c.get("url").toString())
                    .isEqualTo(c.get("sig").asText());
        }
        softly.assertAll();
    }

    @Test
    void entityIdsMatchPython() {
        SoftAssertions softly = new SoftAssertions();
        for (JsonNode c : cases) {
            Long expected = c.get("eid").isNull() ? null : c.get("eid").asLong();
            softly.assertThat(EntityIds.of(c.get("url").asText()))
                    .as(c.get("url").toString())
                    .isEqualTo(expected);
        }
        softly.assertAll();
    }

    @Test
    void clientsAndVersionsMatchPython() {
        SoftAssertions softly = new SoftAssertions();
        for (JsonNode c : cases) {
            String userAgent = c.get("ua").isNull() ? null : c.get("ua").asText();
            Client client = ClientClassifier.classify(userAgent);
            softly.assertThat(client.name())
                    .as("client of " + c.get("ua"))
                    .isEqualTo(c.get("client").asText());
            softly.assertThat(ClientClassifier.version(client, userAgent))
                    .as("version of " + c.get("ua"))
                    .isEqualTo(
                            c.get("version").isNull() ? null : c.get("version").asText());
        }
        softly.assertAll();
    }

    @Test
    void theCasesCoverEveryBranch() {
        assertThat(cases.size()).isGreaterThanOrEqualTo(2000);
        assertThat(cases.findValuesAsText("sig"))
                .contains(UrlSignature.INVALID_URL, "/objects/#/access/#")
                .anyMatch(sig -> sig.contains("#"));
        assertThat(cases.findValuesAsText("client")).contains("WEB", "JAVA", "PYTHON", "R", "UNKNOWN");
    }
}
