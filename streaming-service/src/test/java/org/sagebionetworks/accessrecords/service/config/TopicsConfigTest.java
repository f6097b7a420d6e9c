package org.sagebionetworks.accessrecords.service.config;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

import org.junit.jupiter.api.Test;

/** {@code access-records.topics.history} must be a topic of the version's own. */
class TopicsConfigTest {

    @Test
    void aHistoryTopicThatTheServiceAlreadyReadsOrWritesIsRefusedNamingTheSetting() {
        for (String taken : new String[] {"raw", "processed", "dlq"}) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> topics(taken))
                    .withMessageStartingWith("access-records.topics.history (env ACCESS_RECORDS_TOPICS_HISTORY) is "
                            + taken + ", a topic the service already reads or writes");
        }
    }

    @Test
    void aTopicOfItsOwnOrNoneIsAccepted() {
        assertThatNoException().isThrownBy(() -> topics("synapse.accessrecords.history.v2"));
        assertThatNoException().isThrownBy(() -> topics(null));
    }

    private static TopicsConfig topics(String history) {
        return new TopicsConfig("raw", "processed", "dlq", true, 1, (short) 1, 8_388_608, history);
    }
}
