package org.sagebionetworks.accessrecords.local;

import org.sagebionetworks.accessrecords.connect.Layout;
import org.sagebionetworks.accessrecords.schema.SharedNames;

/**
 * One S3 sink connector.
 *
 * @param name      the connector's name (and so its consumer group, {@code connect-<name>})
 * @param topic     the topic it reads: the version's processed topic, or the serving topic
 * @param layout    the day-folder layout
 * @param topicsDir the top folder in the bucket: the pipeline version's own, or the serving folder's parent
 * @param flushSize rows per file at most; files also close on a new day or after an hour of record time
 */
public record SinkSpec(String name, String topic, Layout layout, String topicsDir, int flushSize) {

    /** What a local run uses: production's layout and folder for pipeline v1, files of up to 1000 rows. */
    public static SinkSpec local(Layout layout) {
        return version(layout, StackSettings.VERSION.topicsDir(), 1000);
    }

    /** A sink on the local stack's version topic. */
    public static SinkSpec version(Layout layout, String topicsDir, int flushSize) {
        return new SinkSpec(
                "s3-sink-" + layout.fileName(), StackSettings.PROCESSED_TOPIC, layout, topicsDir, flushSize);
    }

    /**
     * The serving sink: the serving topic, in today's layout, below {@code parentDir}, so its files are
     * {@code <parentDir>/processedaccessrecord/record_date=.../...}, where the loaders of today's table look.
     */
    public static SinkSpec serving(String parentDir, int flushSize) {
        return new SinkSpec("s3-sink-serving", SharedNames.SERVING_TOPIC, Layout.RECORD_DATE, parentDir, flushSize);
    }
}
