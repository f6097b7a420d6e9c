package org.sagebionetworks.accessrecords.pipeline;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Properties;
import java.util.function.IntSupplier;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.sagebionetworks.accessrecords.connect.Layout;
import org.sagebionetworks.accessrecords.testing.RawRecords;

/**
 * One run of the whole pipeline per test run, shared by every test class that reads its output
 * ({@code @ExtendWith(PipelineRun.class)}): it starts the parts, sends {@link PipelineInput} to the raw topic
 * keyed by session id as Synapse does, and waits until both layouts' sinks have written every expected row.
 */
final class PipelineRun implements BeforeAllCallback {

    private static final Duration PATIENCE = Duration.ofMinutes(4);
    private static volatile Finished finished;

    /** What the tests read: the running pipeline and the input it was given. */
    record Finished(Pipeline pipeline, PipelineInput input, Path work)
            implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() throws Exception {
            pipeline.close();
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder())
                        .forEach(file -> file.toFile().delete());
            }
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot()
                .getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(PipelineRun.class.getName(), key -> run());
    }

    static Finished finished() {
        if (finished == null) {
            throw new IllegalStateException("annotate the test class with @ExtendWith(PipelineRun.class)");
        }
        return finished;
    }

    private static synchronized Finished run() {
        try {
            Path work = Files.createTempDirectory("pipeline-run");
            Pipeline pipeline = Pipeline.start(work);
            PipelineInput input = new PipelineInput(Instant.now());
            send(pipeline, input);
            for (Layout layout : Layout.values()) {
                awaitFiles(pipeline, layout, () -> pipeline.parquetFiles(layout).size(), input.expected.size());
            }
            awaitFiles(
                    pipeline,
                    Layout.RECORD_DATE,
                    () -> pipeline.servingFiles().size(),
                    input.served().size());
            finished = new Finished(pipeline, input, work);
            return finished;
        } catch (Exception e) {
            throw new IllegalStateException("the pipeline run failed", e);
        }
    }

    private static void send(Pipeline pipeline, PipelineInput input) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, pipeline.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        // KAFKA-15591: with more in flight, an idempotent producer can lose a partition's first batch.
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            int unkeyed = 0;
            for (String line : input.lines) {
                String key = RawRecords.sessionIdOf(line).orElse("unkeyed-" + unkeyed++);
                producer.send(new ProducerRecord<>(
                        Pipeline.RAW, key.getBytes(StandardCharsets.UTF_8), line.getBytes(StandardCharsets.UTF_8)));
            }
            producer.flush();
        }
    }

    /**
     * Waits for one file per expected row (flush.size is 1), then a little longer, so that a duplicate the
     * pipeline wrongly let through would be there to be counted.
     */
    private static void awaitFiles(Pipeline pipeline, Layout layout, IntSupplier files, int count) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (files.getAsInt() < count) {
            pipeline.sinkFailure(layout).ifPresent(failure -> {
                throw new AssertionError(failure);
            });
            if (System.nanoTime() > deadline) {
                throw new AssertionError("after " + PATIENCE + " only " + files.getAsInt() + " of " + count
                        + " files in S3 for " + layout);
            }
            Thread.sleep(500);
        }
        Thread.sleep(3_000);
    }
}
