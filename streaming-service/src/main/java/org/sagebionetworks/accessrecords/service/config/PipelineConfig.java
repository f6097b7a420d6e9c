package org.sagebionetworks.accessrecords.service.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.sagebionetworks.accessrecords.schema.PipelineVersion;
import org.sagebionetworks.accessrecords.schema.RecordLimits;
import org.sagebionetworks.accessrecords.schema.SharedNames;

/**
 * {@code access-records.*}: how the enricher runs. Every key is listed in docs/service.md with its environment
 * variable; bad values stop the service at startup with the key's name in the message.
 *
 * @param pipelineVersion  the pipeline version ({@code v1}, {@code v2}, ...); derives the application id and the
 *                         processed topic unless those are set explicitly (see {@link PipelineVersion})
 * @param applicationId    Kafka Streams application.id: consumer group, state and internal-topic prefix; when not
 *                         set, the pipeline version's ({@code synapse-access-records-<version>})
 * @param inputKeyedBySessionId true when producers key raw records by sessionId (Synapse's publisher and the
 *                         archive loader do); false makes the service re-key through a repartition topic
 *                         before deduplicating
 * @param maxRecordBytes   raw records larger than this are dead-lettered as TOO_LARGE
 * @param streamThreads    Kafka Streams num.stream.threads
 * @param stateDir         where RocksDB keeps the dedup store
 * @param startupTimeout   how long to wait for the cluster to answer before giving up at startup
 * @param shutdownTimeout  how long a graceful shutdown may take to commit and close
 * @param mskIam           use AWS MSK IAM authentication (SASL_SSL + AWS_MSK_IAM) for every client
 */
@ConfigurationProperties("access-records")
public record PipelineConfig(
        @Bindable(defaultValue = PipelineVersion.DEFAULT) @NotBlank
        String pipelineVersion,

        @Nullable @Pattern(regexp = KAFKA_NAME, message = KAFKA_NAME_RULE)
        String applicationId,

        @Bindable(defaultValue = "true") boolean inputKeyedBySessionId,

        @Bindable(defaultValue = "" + RecordLimits.MAX_RECORD_BYTES) @Min(1024) @Max(16_777_216)
        int maxRecordBytes,

        @Bindable(defaultValue = "1") @Min(1) @Max(64) int streamThreads,

        @Bindable(defaultValue = SharedNames.STATE_DIR) @NotBlank
        String stateDir,

        @Bindable(defaultValue = "30s") @NotNull Duration startupTimeout,
        @Bindable(defaultValue = "30s") @NotNull Duration shutdownTimeout,
        @Bindable(defaultValue = "false") boolean mskIam) {

    /** What Kafka allows in topic names, and so in an application id, which prefixes the internal topics. */
    static final String KAFKA_NAME = "[a-zA-Z0-9._-]{1,200}";

    static final String KAFKA_NAME_RULE = "must be 1 to 200 of the characters a-z A-Z 0-9 . _ -";

    public PipelineConfig {
        // Parsed here, not where it is used, so a bad version stops startup even when every name is set explicitly.
        PipelineVersion version = versionOf(pipelineVersion);
        if (applicationId == null) {
            applicationId = version.applicationId();
        }
    }

    /** The parsed {@code access-records.pipeline-version}. */
    public PipelineVersion version() {
        return versionOf(pipelineVersion);
    }

    private static PipelineVersion versionOf(String name) {
        try {
            return PipelineVersion.of(name);
        } catch (IllegalArgumentException e) {
            // The message already says everything; no cause, so the root cause people see names the property.
            throw new IllegalArgumentException(
                    "access-records.pipeline-version (env ACCESS_RECORDS_PIPELINE_VERSION): " + e.getMessage());
        }
    }
}
