package org.sagebionetworks.accessrecords.publisher;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import org.sagebionetworks.accessrecords.schema.RecordLimits;
import org.sagebionetworks.accessrecords.schema.SharedNames;

/**
 * Everything the publisher can be told, with defaults chosen for Synapse (about 1 KB a record, a few hundred to a
 * few thousand records a second per host). Build with {@link #builder(String)}; invalid values are refused here,
 * with the setting's name, so a misconfigured host fails at startup rather than losing records later.
 * docs/publisher.md has the same table with the reasons.
 */
public final class PublisherConfig {

    /** Kafka requires delivery.timeout.ms >= linger.ms + request.timeout.ms, and we keep its 30 s request timeout. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private static final Set<String> COMPRESSIONS = Set.of("none", "gzip", "snappy", "lz4", "zstd");

    private final String bootstrapServers;
    private final String topic;
    private final String clientId;
    private final boolean mskIam;
    private final String compression;
    private final Duration linger;
    private final int batchSize;
    private final long bufferMemory;
    private final BufferFullPolicy bufferFullPolicy;
    private final Duration maxBlock;
    private final Duration deliveryTimeout;
    private final int maxRecordBytes;
    private final Duration startupWait;
    private final Duration closeTimeout;

    private PublisherConfig(Builder builder) {
        this.bootstrapServers = builder.bootstrapServers;
        this.topic = builder.topic;
        this.clientId = builder.clientId;
        this.mskIam = builder.mskIam;
        this.compression = builder.compression;
        this.linger = builder.linger;
        this.batchSize = builder.batchSize;
        this.bufferMemory = builder.bufferMemory;
        this.bufferFullPolicy = builder.bufferFullPolicy;
        this.maxBlock = builder.maxBlock;
        this.deliveryTimeout = builder.deliveryTimeout;
        this.maxRecordBytes = builder.maxRecordBytes;
        this.startupWait = builder.startupWait;
        this.closeTimeout = builder.closeTimeout;
        validate();
    }

    /** Refuses what Kafka or the publisher cannot work with, naming the setting. */
    private void validate() {
        requireText("bootstrapServers", bootstrapServers);
        requireText("topic", topic);
        requireText("clientId", clientId);
        if (!COMPRESSIONS.contains(compression)) {
            throw new IllegalArgumentException("compression must be one of " + COMPRESSIONS + ", was " + compression);
        }
        requireAtLeast("linger", linger, Duration.ZERO);
        if (batchSize <= 0 || bufferMemory < batchSize) {
            throw new IllegalArgumentException("need 0 < batchSize <= bufferMemory, was batchSize=" + batchSize
                    + ", bufferMemory=" + bufferMemory);
        }
        Objects.requireNonNull(bufferFullPolicy, "bufferFullPolicy");
        requireAtLeast("maxBlock", maxBlock, Duration.ZERO);
        requireAtLeast("deliveryTimeout", deliveryTimeout, linger.plus(REQUEST_TIMEOUT));
        if (maxRecordBytes <= 0 || maxRecordBytes > RecordLimits.MAX_RECORD_BYTES) {
            throw new IllegalArgumentException(
                    "maxRecordBytes must be in (0, " + RecordLimits.MAX_RECORD_BYTES + "], was " + maxRecordBytes);
        }
        requireAtLeast("startupWait", startupWait, Duration.ZERO);
        requireAtLeast("closeTimeout", closeTimeout, Duration.ZERO);
    }

    /** A builder holding every default; only the cluster's address has none. */
    public static Builder builder(String bootstrapServers) {
        return new Builder(bootstrapServers);
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public String topic() {
        return topic;
    }

    public String clientId() {
        return clientId;
    }

    public boolean mskIam() {
        return mskIam;
    }

    public String compression() {
        return compression;
    }

    public Duration linger() {
        return linger;
    }

    public int batchSize() {
        return batchSize;
    }

    public long bufferMemory() {
        return bufferMemory;
    }

    public BufferFullPolicy bufferFullPolicy() {
        return bufferFullPolicy;
    }

    public Duration maxBlock() {
        return maxBlock;
    }

    public Duration deliveryTimeout() {
        return deliveryTimeout;
    }

    public int maxRecordBytes() {
        return maxRecordBytes;
    }

    public Duration startupWait() {
        return startupWait;
    }

    public Duration closeTimeout() {
        return closeTimeout;
    }

    private static void requireText(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be empty");
        }
    }

    private static void requireAtLeast(String name, Duration value, Duration least) {
        if (value == null || value.compareTo(least) < 0) {
            throw new IllegalArgumentException(name + " must be at least " + least + ", was " + value);
        }
    }

    /** Mutable on purpose and short-lived: set what differs from the defaults, then {@link #build()}. */
    public static final class Builder {
        private final String bootstrapServers;
        private String topic = SharedNames.RAW_TOPIC;
        private String clientId = "synapse-access-record-publisher";
        private boolean mskIam;
        private String compression = "zstd";
        private Duration linger = Duration.ofMillis(20);
        private int batchSize = 64 * 1024;
        private long bufferMemory = 32L * 1024 * 1024;
        private BufferFullPolicy bufferFullPolicy = BufferFullPolicy.DROP;
        private Duration maxBlock = Duration.ofMillis(100);
        private Duration deliveryTimeout = Duration.ofMinutes(5);
        private int maxRecordBytes = RecordLimits.MAX_RECORD_BYTES;
        private Duration startupWait = Duration.ofSeconds(5);
        private Duration closeTimeout = Duration.ofSeconds(10);

        private Builder(String bootstrapServers) {
            this.bootstrapServers = bootstrapServers;
        }

        public Builder topic(String value) {
            topic = value;
            return this;
        }

        public Builder clientId(String value) {
            clientId = value;
            return this;
        }

        public Builder mskIam(boolean value) {
            mskIam = value;
            return this;
        }

        public Builder compression(String value) {
            compression = value;
            return this;
        }

        public Builder linger(Duration value) {
            linger = value;
            return this;
        }

        public Builder batchSize(int value) {
            batchSize = value;
            return this;
        }

        public Builder bufferMemory(long value) {
            bufferMemory = value;
            return this;
        }

        public Builder bufferFullPolicy(BufferFullPolicy value) {
            bufferFullPolicy = value;
            return this;
        }

        public Builder maxBlock(Duration value) {
            maxBlock = value;
            return this;
        }

        public Builder deliveryTimeout(Duration value) {
            deliveryTimeout = value;
            return this;
        }

        public Builder maxRecordBytes(int value) {
            maxRecordBytes = value;
            return this;
        }

        public Builder startupWait(Duration value) {
            startupWait = value;
            return this;
        }

        public Builder closeTimeout(Duration value) {
            closeTimeout = value;
            return this;
        }

        public PublisherConfig build() {
            return new PublisherConfig(this);
        }
    }
}
