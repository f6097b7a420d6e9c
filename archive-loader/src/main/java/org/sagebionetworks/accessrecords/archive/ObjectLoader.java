package org.sagebionetworks.accessrecords.archive;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.common.KafkaException;
import org.sagebionetworks.accessrecords.archive.Tally.Fate;
import org.sagebionetworks.accessrecords.core.Outcome;
import org.sagebionetworks.accessrecords.core.Outcome.Rejected;
import org.sagebionetworks.accessrecords.core.validation.RawRecordParser;
import org.sagebionetworks.accessrecords.core.validation.RecordKey;
import org.sagebionetworks.accessrecords.core.validation.Rejection;
import org.sagebionetworks.accessrecords.core.validation.ScannedRecord;
import org.sagebionetworks.accessrecords.ndjson.Decompression;
import org.sagebionetworks.accessrecords.ndjson.NdjsonLineReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Streams one object line by line (constant memory whatever its size) and publishes the records of the range that
 * no earlier load of another range published from it, in transactions of at most {@code transactionRecords} lines
 * or one second, each committed with the object's progress. A read error
 * keeps the whole lines read before it (they are committed) and the object is read again from there, up to three
 * times.
 */
final class ObjectLoader {

    private static final Logger LOG = LoggerFactory.getLogger(ObjectLoader.class);
    private static final int ATTEMPTS = 3;

    private final ArchiveStore store;
    private final ArchivePublisher publisher;
    private final ProgressLog progressLog;
    private final LoadRange range;
    private final RawRecordParser parser;
    /** Where each line is scanned; the loader reads one line at a time. */
    private final ScannedRecord scanned;

    private final int maxRecordBytes;
    private final int transactionRecords;
    private final Throttle throttle;
    private final LoadStats stats;
    private final ProgressReporter reporter;

    ObjectLoader(
            ArchiveStore store,
            ArchivePublisher publisher,
            ProgressLog progressLog,
            LoadRange range,
            int maxRecordBytes,
            int transactionRecords,
            Throttle throttle,
            LoadStats stats,
            ProgressReporter reporter) {
        this.store = store;
        this.publisher = publisher;
        this.progressLog = progressLog;
        this.range = range;
        this.parser = new RawRecordParser(maxRecordBytes);
        this.scanned = parser.newScannedRecord();
        this.maxRecordBytes = maxRecordBytes;
        this.transactionRecords = transactionRecords;
        this.throttle = throttle;
        this.stats = stats;
        this.reporter = reporter;
    }

    /**
     * Loads {@code object} from where this range's earlier run left it, leaving out the records that loads of
     * other ranges published from it; throws the read error when every attempt failed.
     */
    ObjectProgress load(ArchiveObject object, ObjectProgress progress) throws IOException, InterruptedException {
        ObjectLoad own = progress.loadOf(range.window());
        if (own == null) {
            own = ObjectLoad.start(range, object);
        } else if (own.lines() > 0) {
            stats.objectsResumed++;
            LOG.info("Resuming {} after line {}", object.uri(), own.lines());
        }
        List<ObjectLoad> earlier = progress.earlierLoads(range.window(), object.etag());
        for (int attempt = 1; ; attempt++) {
            try {
                return readFrom(object, progress, own, earlier);
            } catch (ReadFailure failure) {
                progress = failure.committed;
                own = progress.loadOf(range.window());
                if (attempt == ATTEMPTS) {
                    throw new IOException(object.uri() + " unreadable after line " + own.lines(), failure.getCause());
                }
                LOG.warn(
                        "Reading {} failed after line {} ({}); attempt {} of {} resumes there",
                        object.uri(),
                        own.lines(),
                        failure.getCause().toString(),
                        attempt + 1,
                        ATTEMPTS);
                Thread.sleep(1000L * attempt);
            }
        }
    }

    private ObjectProgress readFrom(
            ArchiveObject object, ObjectProgress progress, ObjectLoad resumeFrom, List<ObjectLoad> earlier)
            throws ReadFailure, InterruptedException {
        ObjectTransaction transaction =
                new ObjectTransaction(publisher, progressLog, stats, transactionRecords, object, progress, resumeFrom);
        try (NdjsonLineReader lines =
                new NdjsonLineReader(Decompression.detect(counted(store.open(object))), maxRecordBytes)) {
            while (lines.next()) {
                if (lines.lineNumber() <= resumeFrom.lines()) {
                    stats.linesSkippedOnResume++;
                    continue;
                }
                transaction.add(handle(object, lines, earlier), lines.lineNumber());
                stats.linesRead++;
                reporter.maybeReport();
                if (transaction.due()) {
                    transaction.commit(false);
                    transaction.open();
                }
            }
        } catch (IOException | SdkException e) {
            throw new ReadFailure(transaction.commit(false), e);
        } catch (KafkaException e) {
            publisher.abortQuietly(e);
            throw new IllegalStateException(
                    publisher.refusal(
                            e,
                            "Kafka refused a record of " + object.uri()
                                    + "; the open transaction was aborted. Re-run to resume after line "
                                    + transaction.committedLines()
                                    + "."),
                    e);
        }
        return transaction.commit(true);
    }

    private Fate handle(ArchiveObject object, NdjsonLineReader lines, List<ObjectLoad> earlier)
            throws InterruptedException {
        byte[] line = Arrays.copyOf(lines.bytes(), lines.length());
        Outcome<RecordKey> checked = lines.truncated()
                ? Outcome.rejected(Rejection.tooLarge(lines.fullLength(), maxRecordBytes))
                : parser.validate(line, 0, line.length, scanned);
        if (checked instanceof Rejected<RecordKey> rejected) {
            publisher.deadLetter(line, rejected.rejection(), object, lines.lineNumber());
            return Fate.DEAD_LETTERED;
        }
        RecordKey key = ((Outcome.Accepted<RecordKey>) checked).value();
        Fate fate = range.judge(key.timestampMillis());
        if (fate == Fate.PUBLISHED && handledBefore(earlier, lines.lineNumber(), key.timestampMillis())) {
            return Fate.ALREADY_LOADED;
        }
        if (fate == Fate.PUBLISHED) {
            throttle.acquire();
            publisher.publish(key.sessionId(), line, key.timestampMillis());
        }
        return fate;
    }

    private static boolean handledBefore(List<ObjectLoad> earlier, long lineNumber, long requestMillis) {
        for (ObjectLoad load : earlier) {
            if (load.handled(lineNumber, requestMillis)) {
                return true;
            }
        }
        return false;
    }

    private InputStream counted(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int read = super.read(buffer, offset, length);
                stats.bytesRead += Math.max(read, 0);
                return read;
            }
        };
    }

    /** A read error, with the object's progress committed up to the last whole line before it. */
    private static final class ReadFailure extends Exception {
        private final transient ObjectProgress committed;

        ReadFailure(ObjectProgress committed, Exception cause) {
            super(cause);
            this.committed = committed;
        }
    }
}
