package org.sagebionetworks.accessrecords.service.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.util.Locale;
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

    public RetentionConfig {
        // The parameters, not the accessors: a compact constructor runs before the fields are set.
        Retention.parse(setting("raw"), raw);
        Retention.parse(setting("processed"), processed);
        Retention.parse(setting("dead-letter"), deadLetter);
        if (rawLocal != null
                && Retention.parse(setting("raw-local"), rawLocal).length().isEmpty()) {
            throw new IllegalArgumentException(setting("raw-local") + " is how long the brokers keep the raw topic "
                    + "on disk before only the tiered copy remains: a length such as 3d, not forever (leave it unset "
                    + "to keep everything on the brokers)");
        }
    }

    /** A setting's name with its environment variable, e.g. for {@code dead-letter}, as messages name it. */
    public static String setting(String name) {
        return "access-records.topics.retention." + name + " (env ACCESS_RECORDS_TOPICS_RETENTION_"
                + name.toUpperCase(Locale.ROOT).replace('-', '_') + ")";
    }

    public Retention rawRetention() {
        return Retention.parse(setting("raw"), raw);
    }

    public Retention processedRetention() {
        return Retention.parse(setting("processed"), processed);
    }

    public Retention deadLetterRetention() {
        return Retention.parse(setting("dead-letter"), deadLetter);
    }

    /** The raw topic's time on the brokers' disks when it is tiered, or empty when it is not. */
    public Optional<Retention> rawLocalRetention() {
        return Optional.ofNullable(rawLocal).map(value -> Retention.parse(setting("raw-local"), value));
    }
}
