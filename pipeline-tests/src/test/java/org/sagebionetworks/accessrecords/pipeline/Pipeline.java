package org.sagebionetworks.accessrecords.pipeline;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sagebionetworks.accessrecords.connect.Layout;
import org.sagebionetworks.accessrecords.local.LocalStack;
import org.sagebionetworks.accessrecords.local.SinkSpec;
import org.sagebionetworks.accessrecords.local.StackSettings;
import org.sagebionetworks.accessrecords.queries.ParquetFolder;
import org.sagebionetworks.accessrecords.schema.SharedNames;

/**
 * The local stack (broker, Connect worker, enricher-service, s3proxy, each real and in this JVM) with one
 * stand-in S3 sink per layout on the processed topic, each into a topics.dir of its own, so both layouts are
 * checked from one run, and the serving sink, fed by the version from {@link #SERVING_FROM} on. Files hold one row each, so every row is in S3 as soon as it is read and the test need
 * not wait for rotation (the sink's rotation rules have unit tests of their own).
 */
final class Pipeline implements AutoCloseable {

    static final String RAW = SharedNames.RAW_TOPIC;
    static final String PROCESSED = StackSettings.PROCESSED_TOPIC;
    /** The cutover instant of this run: a UTC midnight the input has rows on both sides of. */
    static final Instant SERVING_FROM = Instant.parse("2023-11-15T00:00:00Z");
    /** Where production's serving sink writes: the folder that holds today's processedaccessrecord/. */
    static final String WAREHOUSE_DIR = "warehouse_db";

    private static final SinkSpec SERVING = SinkSpec.serving(WAREHOUSE_DIR, 1);

    private final LocalStack stack;
    private final StackSettings settings;

    private Pipeline(LocalStack stack, StackSettings settings) {
        this.stack = stack;
        this.settings = settings;
    }

    static Pipeline start(Path work) throws Exception {
        StackSettings settings = new StackSettings(work, 0, 0, 0);
        LocalStack stack = LocalStack.start(settings, Map.of("access-records.serving.from", SERVING_FROM.toString()));
        for (Layout layout : Layout.values()) {
            stack.addSink(sink(layout));
        }
        stack.addSink(SERVING);
        return new Pipeline(stack, settings);
    }

    static String topicsDir(Layout layout) {
        return sink(layout).topicsDir();
    }

    String bootstrapServers() {
        return stack.bootstrapServers();
    }

    /** Where a layout's table starts: the folder Glue's table location points at. */
    Path tableDir(Layout layout) {
        return settings.tableDir(sink(layout));
    }

    List<Path> parquetFiles(Layout layout) {
        return ParquetFolder.list(tableDir(layout));
    }

    /** The serving sink's folder: processedaccessrecord/ in the warehouse folder. */
    Path servingTableDir() {
        return settings.tableDir(SERVING);
    }

    List<Path> servingFiles() {
        return ParquetFolder.list(servingTableDir());
    }

    /** Why a layout's sink task, or the serving sink's, has failed for good, if it has. */
    Optional<String> sinkFailure(Layout layout) {
        return stack.sinkFailure(sink(layout)).or(() -> stack.sinkFailure(SERVING));
    }

    Path bucketDir() {
        return stack.bucketDir();
    }

    String s3Endpoint() {
        return stack.s3Endpoint();
    }

    /** Kafka Connect's REST API: the worker's address before the path of a connector. */
    String connectUrl() {
        String connector = stack.connectorUrl(sink(Layout.YEAR_MONTH_DAY));
        return connector.substring(0, connector.indexOf("/connectors/"));
    }

    @Override
    public void close() throws Exception {
        stack.close();
    }

    private static SinkSpec sink(Layout layout) {
        return SinkSpec.version(layout, "processed/v1-" + layout.fileName(), 1);
    }
}
