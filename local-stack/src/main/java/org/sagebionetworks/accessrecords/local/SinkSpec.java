package org.sagebionetworks.accessrecords.local;

import org.sagebionetworks.accessrecords.connect.Layout;

/**
 * One S3 sink connector on the processed topic.
 *
 * @param name      the connector's name (and so its consumer group, {@code connect-<name>})
 * @param layout    the day-folder layout
 * @param topicsDir the top folder in the bucket, the pipeline version's own
 * @param flushSize rows per file at most; files also close on a new day or after an hour of record time
 */
public record SinkSpec(String name, Layout layout, String topicsDir, int flushSize) {

    /** What a local run uses: production's layout and folder for pipeline v1, files of up to 1000 rows. */
    public static SinkSpec local(Layout layout) {
        return new SinkSpec("s3-sink", layout, StackSettings.VERSION.topicsDir(), 1000);
    }
}
