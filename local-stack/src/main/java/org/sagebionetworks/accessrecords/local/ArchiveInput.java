package org.sagebionetworks.accessrecords.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.sagebionetworks.accessrecords.archive.ArchiveLoader;
import org.sagebionetworks.accessrecords.archive.LoadSettings;
import org.sagebionetworks.accessrecords.archive.LoadStats;
import org.sagebionetworks.accessrecords.archive.LoadTopics;
import org.sagebionetworks.accessrecords.kafka.KafkaClientSettings;
import org.sagebionetworks.accessrecords.schema.SharedNames;

/**
 * Firehose files enter as production loads its archive: uploaded into the stack's S3 as an archive
 * ({@link InputArchive}) and published by the archive loader, which keys each valid record by its sessionId, stamps
 * it with its request time, and dead-letters unusable lines (invalid, or over the enricher's max-record-bytes) with
 * their object and line. A line that reaches neither topic stops the run with the loader's reason.
 */
final class ArchiveInput implements RawInput {

    private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(10);
    private static final long POLL_MILLIS = 200;

    private final LocalStack stack;
    private final List<Path> files;
    private final long maxRecordsPerSecond;
    private volatile ArchiveLoader loader;

    /** @param ratePerSecond records published per second at most; no limit when not positive */
    ArchiveInput(LocalStack stack, List<Path> files, double ratePerSecond) {
        this.stack = stack;
        this.files = files;
        this.maxRecordsPerSecond = Math.max(0, Math.round(ratePerSecond));
    }

    /** The loader runs in a thread of its own, which a stop interrupts; a load the user stopped lost nothing. */
    @Override
    public void feed(BooleanSupplier stop) throws InterruptedException {
        int maxRecordBytes = stack.enricherPipeline().maxRecordBytes();
        loader = new ArchiveLoader(
                settings(InputArchive.upload(files, stack.s3Endpoint(), maxRecordBytes), maxRecordBytes), null);
        String refusal = loader.refusal();
        if (refusal != null) {
            throw new LinesLostException("the archive loader refused to load the input: " + refusal, null);
        }
        AtomicReference<Exception> failure = new AtomicReference<>();
        Thread load = new Thread(() -> run(failure), "local-stack-archive-loader");
        load.start();
        boolean stopped = false;
        while (load.isAlive()) {
            if (!stopped && stop.getAsBoolean()) {
                stopped = true;
                load.interrupt();
            }
            load.join(POLL_MILLIS);
        }
        if (!stopped) {
            requireEveryLineLoaded(failure.get());
        }
    }

    @Override
    public long fed() {
        return loader == null ? 0 : loader.stats().linesRead();
    }

    /** The loader commits as it goes: what it published is in the raw topic once {@link #feed} returned. */
    @Override
    public long delivered() {
        return loader == null ? 0 : loader.stats().published();
    }

    @Override
    public String summary() {
        if (loader == null) {
            return "the archive loader has not started";
        }
        LoadStats stats = loader.stats();
        return String.format(
                "the archive loader published %d lines to the raw topic, dead-lettered %d, failed %d files",
                stats.published(), stats.deadLettered(), stats.failedObjects().size());
    }

    /** The loader closes its own clients when a load ends. */
    @Override
    public void close() {}

    private LoadSettings settings(InputArchive archive, int maxRecordBytes) {
        LoadTopics topics = new LoadTopics(
                stack.enricherTopics().raw(),
                stack.enricherTopics().deadLetter(),
                SharedNames.ARCHIVE_LOADER_PROGRESS_TOPIC,
                null);
        return new LoadSettings(
                archive.location(),
                archive.range(),
                KafkaClientSettings.of(stack.bootstrapServers(), false),
                KAFKA_TIMEOUT,
                topics,
                null,
                maxRecordBytes,
                LoadSettings.DEFAULT_TRANSACTION_RECORDS,
                maxRecordsPerSecond,
                PROGRESS_INTERVAL,
                false);
    }

    private void run(AtomicReference<Exception> failure) {
        try {
            loader.load();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            failure.set(e);
        }
    }

    private void requireEveryLineLoaded(Exception failure) {
        if (failure != null) {
            throw new LinesLostException("the archive loader stopped: " + failure.getMessage(), failure);
        }
        List<String> failed = loader.stats().failedObjects();
        if (!failed.isEmpty()) {
            throw new LinesLostException(
                    "the archive loader could not read " + String.join(", ", failed)
                            + " to its end (see its log above)",
                    null);
        }
    }
}
