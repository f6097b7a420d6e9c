package org.sagebionetworks.accessrecords.replay;

import java.nio.file.Path;
import org.sagebionetworks.accessrecords.schema.PipelineVersion;

/**
 * The version a replay prepares and the names it touches. Everything is the version's by default
 * ({@link PipelineVersion}); the overrides exist for installations that set the service's names explicitly.
 *
 * @param historyTopic the version's private input for history older than the raw topic (the service's
 *                     {@code access-records.topics.history}); null when it reads the raw topic only
 * @param stateDir     Kafka Streams keeps an application's local state in {@code <state.dir>/<application.id>}
 * @param topicsDir    the version's folder of the lake, its sink's {@code topics.dir}: under the lake's prefix
 */
record ReplayTarget(
        PipelineVersion version,
        String applicationId,
        String rawTopic,
        String processedTopic,
        String historyTopic,
        Path stateDir,
        String topicsDir) {

    static ReplayTarget of(
            PipelineVersion version,
            String applicationId,
            String rawTopic,
            String processedTopic,
            String historyTopic,
            Path stateRoot,
            LakePrefix lakePrefix) {
        String group = applicationId != null ? applicationId : version.applicationId();
        return new ReplayTarget(
                version,
                group,
                rawTopic,
                processedTopic != null ? processedTopic : version.processedTopic(),
                historyTopic,
                stateRoot.resolve(group),
                lakePrefix.topicsDir(version));
    }

    /**
     * Kafka Streams' own topics of this application: changelogs of its stores and repartition topics. The same
     * rule as Kafka's StreamsResetter, so {@code synapse-access-records-v1} never matches v10's topics.
     */
    boolean isInternalTopic(String topic) {
        return topic.startsWith(applicationId + "-")
                && (topic.endsWith("-changelog") || topic.endsWith("-repartition"));
    }
}
