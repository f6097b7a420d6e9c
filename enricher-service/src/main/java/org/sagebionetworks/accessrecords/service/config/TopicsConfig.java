package org.sagebionetworks.accessrecords.service.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/**
 * {@code access-records.topics.*}: the three topics and how the service creates them when missing.
 *
 * @param raw               raw envelopes from Synapse and the archive loader
 * @param processed         processed rows as Connect JSON envelopes, read by the S3 sink
 * @param deadLetter        rejected raw records with reason headers
 * @param create            create missing topics at startup
 * @param partitions        partitions of topics the service creates
 * @param replicationFactor replication of topics the service creates and of Kafka Streams' internal topics
 * @param deadLetterMaxMessageBytes largest dead letter; a rejected record is kept whole, so this must exceed the
 *                          largest record the raw topic accepts (its max.message.bytes)
 */
@ConfigurationProperties("access-records.topics")
public record TopicsConfig(
        @Bindable(defaultValue = "synapse.accessrecords.raw") @NotBlank String raw,
        @Bindable(defaultValue = "synapse.accessrecords.processed.v1") @NotBlank String processed,
        @Bindable(defaultValue = "synapse.accessrecords.raw.dlq") @NotBlank String deadLetter,
        @Bindable(defaultValue = "true") boolean create,
        @Bindable(defaultValue = "6") @Min(1) @Max(1000) int partitions,
        @Bindable(defaultValue = "3") @Min(1) @Max(10) short replicationFactor,
        @Bindable(defaultValue = "8388608") @Min(1_048_576) @Max(104_857_600) int deadLetterMaxMessageBytes) {
}
