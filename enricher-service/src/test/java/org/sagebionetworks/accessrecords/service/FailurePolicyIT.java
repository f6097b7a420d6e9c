package org.sagebionetworks.accessrecords.service;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sagebionetworks.accessrecords.service.kafka.RecordSizeRequirements;
import org.sagebionetworks.accessrecords.testsupport.KafkaCluster;

/**
 * The failure policy against a real broker: a topic that would refuse records the service must write stops it at
 * startup.
 */
@ExtendWith(KafkaCluster.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class FailurePolicyIT {

    @TempDir
    Path work;

    @Test
    void aDeadLetterTopicSmallerThanTheLargestRawRecordStopsStartupSayingWhatToChange() {
        RunningService configured = RunningService.configure(work, Map.of());
        int rawLimit = 1_000_000;
        KafkaCluster.createTopic(configured.raw, 2, Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(rawLimit)));
        KafkaCluster.createTopic(configured.deadLetter, 2, Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "100000"));

        assertThatThrownBy(configured::start)
                .hasStackTraceContaining("Topic " + configured.deadLetter + " would refuse")
                .hasStackTraceContaining("max.message.bytes=100000")
                .hasStackTraceContaining("--entity-name " + configured.deadLetter + " --add-config max.message.bytes="
                        + (rawLimit + RecordSizeRequirements.DEAD_LETTER_HEADER_BYTES))
                .hasStackTraceContaining(configured.raw);
    }
}
