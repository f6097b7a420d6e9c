package org.sagebionetworks.accessrecords.schema;

import java.util.regex.Pattern;

/**
 * The names one version of the pipeline owns, derived from its version ({@code v1}, {@code v2}, ...) and nothing
 * else, so two versions run side by side without touching each other's state, topics, files or table: the Kafka
 * Streams application id (consumer group, local state, internal topics), the processed topic, the S3 sink's
 * {@code topics.dir}, and the Glue table with its location. The service, the replay tool, the connector
 * configuration and the runbook all name things through this class; Terraform follows the same conventions.
 * The raw and dead-letter topics are shared by all versions ({@link SharedNames}).
 */
public final class PipelineVersion {

    /** The version a fresh installation runs. */
    public static final String DEFAULT = "v1";

    /** {@code v} and a number without leading zeros, so {@code v01} and {@code v1} cannot name the same thing twice. */
    private static final Pattern FORMAT = Pattern.compile("v[1-9][0-9]{0,8}");

    private final String name;

    private PipelineVersion(String name) {
        this.name = name;
    }

    /** Parses {@code v1}, {@code v2}, ...; anything else is refused with a message saying what is expected. */
    public static PipelineVersion of(String name) {
        if (name == null || !FORMAT.matcher(name).matches()) {
            throw new IllegalArgumentException("a pipeline version is 'v' and a number without leading zeros "
                    + "(v1, v2, v10, ...), not '" + name + "'");
        }
        return new PipelineVersion(name);
    }

    public String name() {
        return name;
    }

    /** Kafka Streams {@code application.id}: consumer group, state directory name and internal-topic prefix. */
    public String applicationId() {
        return "synapse-access-records-" + name;
    }

    public String processedTopic() {
        return "synapse.accessrecords.processed." + name;
    }

    /** The S3 sink's {@code topics.dir}; the sink writes below {@code <topics.dir>/<processed topic>/}. */
    public String topicsDir() {
        return "processed/" + name;
    }

    public String glueTable() {
        return SharedNames.VIEW + "_" + name;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PipelineVersion && ((PipelineVersion) other).name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }
}
