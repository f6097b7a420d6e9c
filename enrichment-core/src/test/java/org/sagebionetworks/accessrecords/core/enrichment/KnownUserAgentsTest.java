package org.sagebionetworks.accessrecords.core.enrichment;

import static org.assertj.core.api.Assertions.assertThat;

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
            "",
            null
        };
        for (int pass = 0; pass < 2; pass++) {
            for (String userAgent : userAgents) {
                assertThat(known.clientOf(userAgent)).isEqualTo(ClientOfUserAgent.of(userAgent));
            }
        }
    }

    @Test
    void startsOverWhenFullSoDistinctUserAgentsCannotGrowIt() {
        for (int i = 0; i < KnownUserAgents.CAPACITY * 3; i++) {
            assertThat(known.clientOf("synapseclient/" + i)).isEqualTo(new ClientOfUserAgent("PYTHON", "" + i));
        }

        assertThat(known.size()).isBetween(1, KnownUserAgents.CAPACITY);
    }
}
