package org.sagebionetworks.accessrecords.service.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sagebionetworks.accessrecords.service.config.Retention;
import org.sagebionetworks.accessrecords.service.kafka.TopicRetentionCheck.Promise;

class TopicRetentionCheckTest {

    private static final long SEVEN_DAYS = 604_800_000L;
    private static final Promise FOREVER = new Promise(Retention.FOREVER, "raw-setting");
    private static final Promise A_WEEK = new Promise(Retention.parse("p", "7d"), "processed-setting");

    @Test
    void topicsKeepingRecordsAtLeastAsLongAsPromisedPass() {
        assertThat(TopicRetentionCheck.problems(
                        List.of(
                                new TopicRetention("raw", -1, -1, false),
                                new TopicRetention("processed", 2 * SEVEN_DAYS, -1, false)),
                        Map.of("raw", FOREVER, "processed", A_WEEK),
                        Optional.empty()))
                .isEmpty();
    }

    @Test
    void aRawTopicOnTheBrokersSevenDayDefaultIsRefusedWithTheCommandThatKeepsItForever() {
        assertThat(TopicRetentionCheck.problems(
                        List.of(new TopicRetention("raw", SEVEN_DAYS, -1, false)),
                        Map.of("raw", FOREVER),
                        Optional.empty()))
                .singleElement()
                .asString()
                .startsWith("Topic raw deletes records after retention.ms=604800000, but raw-setting promises forever")
                .contains("--entity-name raw --add-config retention.ms=-1");
    }

    @Test
    void aShorterRetentionThanPromisedIsRefused() {
        assertThat(TopicRetentionCheck.problems(
                        List.of(new TopicRetention("processed", SEVEN_DAYS - 1, -1, false)),
                        Map.of("processed", A_WEEK),
                        Optional.empty()))
                .singleElement()
                .asString()
                .contains("promises PT168H")
                .contains("--add-config retention.ms=604800000");
    }

    @Test
    void aSizeCapIsRefusedWhateverTheTime() {
        assertThat(TopicRetentionCheck.problems(
                        List.of(new TopicRetention("raw", -1, 1_000_000_000L, false)),
                        Map.of("raw", FOREVER),
                        Optional.empty()))
                .singleElement()
                .asString()
                .contains("retention.bytes=1000000000 per partition")
                .contains("--add-config retention.bytes=-1");
    }

    @Test
    void aRawTopicThatMustBeTieredButIsNotIsRefused() {
        assertThat(TopicRetentionCheck.problems(
                        List.of(new TopicRetention("raw", -1, -1, false)), Map.of("raw", FOREVER), Optional.of("raw")))
                .singleElement()
                .asString()
                .contains("remote.storage.enable=true");
    }
}
