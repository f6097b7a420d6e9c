package org.sagebionetworks.accessrecords.service.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.util.Optional;

/**
 * {@code access-records.topics.retention.*}: how long each topic keeps its records, stated rather than left to the
 * broker's default (7 days), because the runbooks count on it: a replay or an archive load re-reads the raw topic
 * from any time, and the sink must find its rows after the longest outage it is alarmed on. Topics the service
 * creates get these; an existing topic that would delete sooner stops the service at startup.
 *
 * @param raw        the raw topic: {@code forever} (the default; replays read it from any time), or a length
 * @param processed  the processed and serving topics: longer than the longest S3-sink outage that may go unnoticed
 * @param deadLetter the dead-letter topic: until someone has read, archived or redriven each letter
 * @param rawLocal   with MSK tiered storage, how long the raw topic keeps records on the brokers' disks before only
 *                   the tiered copy remains; set, the raw topic is created with {@code remote.storage.enable=true}
 */
@ConfigurationProperties("access-records.topics.retention")
public record RetentionConfig(
        @Bindable(defaultValue = "forever") String raw,
        @Bindable(defaultValue = "7d") String processed,
        @Bindable(defaultValue = "28d") String deadLetter,
        @Nullable String rawLocal) {

    private static final String PREFIX = "access-records.topics.retention.";

    public RetentionConfig {
        rawRetention(raw);
        Retention.parse(PREFIX + "processed (env ACCESS_RECORDS_TOPICS_RETENTION_PROCESSED)", processed);
        Retention.parse(PREFIX + "dead-letter (env ACCESS_RECORDS_TOPICS_RETENTION_DEAD_LETTER)", deadLetter);
        if (rawLocal != null && rawLocalRetention(rawLocal).length().isEmpty()) {
            throw new IllegalArgumentException(PREFIX + "raw-local (env ACCESS_RECORDS_TOPICS_RETENTION_RAW_LOCAL) is "
                    + "how long the brokers keep the raw topic on disk before only the tiered copy remains: a length "
                    + "such as 3d, not forever (leave it unset to keep everything on the brokers)");
        }
    }

    public Retention rawRetention() {
        return rawRetention(raw);
    }

    public Retention processedRetention() {
        return Retention.parse(PREFIX + "processed", processed);
    }

    public Retention deadLetterRetention() {
        return Retention.parse(PREFIX + "dead-letter", deadLetter);
    }

    /** The raw topic's time on the brokers' disks when it is tiered, or empty when it is not. */
    public Optional<Retention> rawLocalRetention() {
        return Optional.ofNullable(rawLocal).map(RetentionConfig::rawLocalRetention);
    }

    private static Retention rawRetention(String value) {
        return Retention.parse(PREFIX + "raw (env ACCESS_RECORDS_TOPICS_RETENTION_RAW)", value);
    }

    private static Retention rawLocalRetention(String value) {
        return Retention.parse(PREFIX + "raw-local (env ACCESS_RECORDS_TOPICS_RETENTION_RAW_LOCAL)", value);
    }
}
