package org.sagebionetworks.accessrecords.service.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TopicSizeCheckTest {

    private static final int BROKER_DEFAULT = 1_048_588;
    private static final TopicLimit RAW = new TopicLimit("raw", BROKER_DEFAULT, false);
    private static final TopicLimit PROCESSED = new TopicLimit("processed", 2_065_536, true);
    private static final TopicLimit DEAD_LETTER = new TopicLimit("dlq", 8_388_608, true);

    @Test
    void topicsAsTheServiceCreatesThemFit() {
        assertThat(TopicSizeCheck.problems(RAW, List.of(PROCESSED), DEAD_LETTER, 1_000_000, 8_388_608))
                .isEmpty();
    }

    @Test
    void aDeadLetterTopicSmallerThanTheRawTopicNamesBothLimitsAndTheValueToSet() {
        List<String> problems = TopicSizeCheck.problems(
                RAW, List.of(PROCESSED), new TopicLimit("dlq", 100_000, true), 1_000_000, 8_388_608);

        assertThat(problems)
                .singleElement()
                .asString()
                .startsWith("Topic dlq would refuse dead letters")
                .contains("it accepts max.message.bytes=100000, set on the topic")
                .contains("raw topic raw's limit (1048588 bytes, the broker's message.max.bytes, as the topic sets no "
                        + "max.message.bytes)")
                .contains("--entity-name dlq --add-config max.message.bytes=" + (BROKER_DEFAULT + 16 * 1024))
                .contains("or give the raw topic raw max.message.bytes=" + (100_000 - 16 * 1024) + " or less");
    }

    @Test
    void aDeadLetterTopicOnTheBrokerDefaultIsTooSmallForARawTopicOnItToo() {
        assertThat(TopicSizeCheck.problems(
                        RAW, List.of(PROCESSED), new TopicLimit("dlq", BROKER_DEFAULT, false), 1_000_000, 8_388_608))
                .singleElement()
                .asString()
                .contains("the broker's message.max.bytes");
    }

    @Test
    void aProcessedTopicTooSmallForTheLargestRowOffersBothFixes() {
        List<String> problems = TopicSizeCheck.problems(
                RAW, List.of(new TopicLimit("processed", BROKER_DEFAULT, false)), DEAD_LETTER, 1_000_000, 8_388_608);

        assertThat(problems)
                .singleElement()
                .asString()
                .startsWith("Topic processed would refuse rows")
                .contains("--entity-name processed --add-config max.message.bytes=2001024")
                .contains("or lower access-records.max-record-bytes (ACCESS_RECORDS_MAX_RECORD_BYTES) to at most "
                        + (BROKER_DEFAULT - 1024) / 2);
    }

    @Test
    void aServingTopicTooSmallForTheLargestRowIsNamedBesideAProcessedTopicThatFits() {
        List<String> problems = TopicSizeCheck.problems(
                RAW,
                List.of(PROCESSED, new TopicLimit("processedaccessrecord", BROKER_DEFAULT, false)),
                DEAD_LETTER,
                1_000_000,
                8_388_608);

        assertThat(problems)
                .singleElement()
                .asString()
                .startsWith("Topic processedaccessrecord would refuse rows")
                .contains("--entity-name processedaccessrecord --add-config max.message.bytes=2001024");
    }

    @Test
    void aRawTopicLargerThanTheProducerLetsThroughAsksForTheDeadLetterSetting() {
        TopicLimit bigRaw = new TopicLimit("raw", 10_000_000, true);

        List<String> problems = TopicSizeCheck.problems(
                bigRaw, List.of(PROCESSED), new TopicLimit("dlq", 20_000_000, true), 1_000_000, 8_388_608);

        assertThat(problems)
                .singleElement()
                .asString()
                .startsWith("The service's producer would refuse dead letters of up to " + (10_000_000 + 16 * 1024))
                .contains(
                        "ACCESS_RECORDS_TOPICS_DEAD_LETTER_MAX_MESSAGE_BYTES) to at least " + (10_000_000 + 16 * 1024));
    }
}
