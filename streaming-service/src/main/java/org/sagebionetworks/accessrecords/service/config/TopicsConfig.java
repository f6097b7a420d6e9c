package org.sagebionetworks.accessrecords.service.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.util.Optional;
import org.sagebionetworks.accessrecords.schema.PipelineVersion;
import org.sagebionetworks.accessrecords.schema.RecordLimits;
import org.sagebionetworks.accessrecords.schema.SharedNames;

/**
 * {@code access-records.topics.*}: the service's topics and how it creates them when missing.
 *
 * @param raw               raw envelopes from Synapse and the archive loader
 * @param processed         processed rows as Connect JSON envelopes, read by the S3 sink; when not set, the pipeline
 *                          version's ({@code synapse.accessrecords.processed.<version>}), see {@link #processedTopic}
 * @param deadLetter        rejected raw records with reason headers
 * @param create            create missing topics at startup
 * @param partitions        partitions of topics the service creates
 * @param replicationFactor replication of topics the service creates and of Kafka Streams' internal topics; when not
 *                          set, the broker's own {@code default.replication.factor}, as Kafka Streams does, so one
 *                          development broker works unconfigured (MSK deployments set it explicitly)
 * @param deadLetterMaxMessageBytes largest dead letter; a rejected record is kept whole, so this must exceed the
 *                          largest record the raw topic accepts (its max.message.bytes)
 * @param history           a second input with the raw topic's partitions, private to this version: history older
 *                          than the raw topic, loaded for a replay (docs/replay.md); other versions never read it.
 *                          Unset: the raw topic is the only input
 */
@ConfigurationProperties("access-records.topics")
public record TopicsConfig(
        @Bindable(defaultValue = SharedNames.RAW_TOPIC) @NotBlank
        String raw,

        @Nullable @Pattern(regexp = PipelineConfig.KAFKA_NAME, message = PipelineConfig.KAFKA_NAME_RULE)
        String processed,

        @Bindable(defaultValue = SharedNames.DEAD_LETTER_TOPIC) @NotBlank
        String deadLetter,

        @Bindable(defaultValue = "true") boolean create,
        @Bindable(defaultValue = "6") @Min(1) @Max(1000) int partitions,
        @Nullable @Min(1) @Max(10) Short replicationFactor,

        @Bindable(defaultValue = "" + RecordLimits.DEAD_LETTER_MAX_MESSAGE_BYTES) @Min(1_048_576) @Max(104_857_600)
        int deadLetterMaxMessageBytes,

        @Nullable @Pattern(regexp = PipelineConfig.KAFKA_NAME, message = PipelineConfig.KAFKA_NAME_RULE)
        String history) {

    public TopicsConfig {
        if (history != null && (history.equals(raw) || history.equals(processed) || history.equals(deadLetter))) {
            throw new IllegalArgumentException("access-records.topics.history (env ACCESS_RECORDS_TOPICS_HISTORY) is "
                    + history + ", a topic the service already reads or writes: give the version's history a topic of "
                    + "its own, e.g. synapse.accessrecords.history.<version>, or leave it unset");
        }
    }

    /** The replication of created topics, or empty for the broker's default. */
    public Optional<Short> replication() {
        return Optional.ofNullable(replicationFactor);
    }

    /** {@code access-records.topics.processed} when it is set, otherwise the one {@code version} names. */
    public String processedTopic(PipelineVersion version) {
        return processed != null ? processed : version.processedTopic();
    }
}
