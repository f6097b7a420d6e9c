package org.sagebionetworks.accessrecords.core.enrichment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class KnownUserAgentsTest {

    private final KnownUserAgents known = new KnownUserAgents();

    @Test
    void answersAsTheClassifierDoesTheFirstTimeAndAfter() {
        String[] userAgents = {
            "synapseclient/1.0.1 python-requests/2.1.0",
            "Mozilla/5.0 (Windows NT 10.0) Chrome/118.0",
            "Synpase-Java-Client/2.0",
            "kubernetes-operator",
            "caf\u00e9 synapser/1.2 \u20ac",
            ""
        };
        for (int pass = 0; pass < 2; pass++) {
            for (String userAgent : userAgents) {
                assertThat(clientOf(userAgent)).isEqualTo(ClientOfUserAgent.of(userAgent));
            }
        }
    }

    @Test
    void readsTheUserAgentWhereItLiesInTheRecord() {
        byte[] record = "{\"userAgent\":\"synapser/1.2\",\"other\":\"synapser/9\"}".getBytes(StandardCharsets.UTF_8);

        assertThat(known.clientOf(record, 14, 26)).isEqualTo(new ClientOfUserAgent("SYNAPSER", "1.2"));
        assertThat(known.clientOf(record, 37, 47)).isEqualTo(new ClientOfUserAgent("SYNAPSER", "9"));
        assertThat(known.clientOf(record, 14, 26)).isEqualTo(new ClientOfUserAgent("SYNAPSER", "1.2"));
    }

    @Test
    void startsOverWhenFullSoDistinctUserAgentsCannotGrowIt() {
        for (int i = 0; i < KnownUserAgents.CAPACITY * 3; i++) {
            assertThat(clientOf("synapseclient/" + i)).isEqualTo(new ClientOfUserAgent("PYTHON", "" + i));
        }

        assertThat(known.size()).isBetween(1, KnownUserAgents.CAPACITY);
    }

    private ClientOfUserAgent clientOf(String userAgent) {
        byte[] utf8 = userAgent.getBytes(StandardCharsets.UTF_8);
        return known.clientOf(utf8, 0, utf8.length);
    }
}
