package org.sagebionetworks.accessrecords.local;

import java.nio.file.Path;
import org.sagebionetworks.accessrecords.schema.PipelineVersion;

/**
 * Where the local stack keeps its files and which ports it listens on (0: any free port). Kafka Connect's
 * REST port is always picked by Kafka's embedded Connect cluster, which overrides any listener it is given.
 *
 * @param dataDir     s3proxy's objects (the table's Parquet) and Kafka Streams' state live below it
 * @param kafkaPort   the broker's client port
 * @param httpPort    enricher-service's HTTP port (health, metrics)
 * @param s3Port      s3proxy's port
 */
public record StackSettings(Path dataDir, int kafkaPort, int httpPort, int s3Port) {

    public static final String BUCKET = "lake";
    /** The local stack runs the default version; its names come from the one place that derives them. */
    public static final PipelineVersion VERSION = PipelineVersion.of(PipelineVersion.DEFAULT);

    public static final String PROCESSED_TOPIC = VERSION.processedTopic();

    Path s3Dir() {
        return dataDir.resolve("s3");
    }

    Path streamsDir() {
        return dataDir.resolve("streams");
    }

    /** Where a sink's table starts: the folder Glue's table location points at. */
    public Path tableDir(SinkSpec sink) {
        return s3Dir().resolve(BUCKET).resolve(sink.topicsDir()).resolve(sink.topic());
    }
}
