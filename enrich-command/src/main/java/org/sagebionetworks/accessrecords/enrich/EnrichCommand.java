package org.sagebionetworks.accessrecords.enrich;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.sagebionetworks.accessrecords.core.AccessRecordEnricher;
import org.sagebionetworks.accessrecords.core.Outcome;
import org.sagebionetworks.accessrecords.core.Outcome.Accepted;
import org.sagebionetworks.accessrecords.core.Outcome.Rejected;
import org.sagebionetworks.accessrecords.core.output.ProcessedRecordJson;
import org.sagebionetworks.accessrecords.core.validation.RawRecordParser;
import org.sagebionetworks.accessrecords.core.validation.Rejection;
import org.sagebionetworks.accessrecords.ndjson.Decompression;
import org.sagebionetworks.accessrecords.ndjson.NdjsonLineReader;
import org.sagebionetworks.accessrecords.schema.ProcessedAccessRecord;
import org.sagebionetworks.accessrecords.schema.RecordLimits;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The offline twin of the service: raw NDJSON (plain or gzip) in, processedaccessrecord rows as NDJSON on
 * stdout, each rejected line as JSON on stderr, and a summary last. The same core as the service, so a
 * Firehose file checked by hand gives exactly the rows the pipeline would.
 */
@Command(
        name = "enrich",
        mixinStandardHelpOptions = true,
        description = {
            "Enrich raw access records (NDJSON, plain or gzip) into processedaccessrecord rows.",
            "Rows go to stdout as NDJSON; rejected lines and a final summary go to stderr as JSON lines.",
            "Exit status: 0 when every input was read to its end, 1 when any input could not be read."
        })
public final class EnrichCommand implements Callable<Integer> {

    static final int EXIT_UNREADABLE_INPUT = 1;
    private static final String STDIN = "-";

    @Parameters(arity = "0..*", paramLabel = "FILE", description = "Raw record files; standard input when none.")
    private List<Path> files = List.of();

    @Option(
            names = "--max-record-bytes",
            paramLabel = "BYTES",
            defaultValue = "" + RecordLimits.MAX_RECORD_BYTES,
            description = "Reject lines longer than this (default: ${DEFAULT-VALUE}).")
    private int maxRecordBytes;

    private InputStream stdin = System.in;
    private OutputStream stdout = new FileOutputStream(FileDescriptor.out);
    private OutputStream stderr = new FileOutputStream(FileDescriptor.err);

    /** For tests and embedding: where the command reads and writes instead of the process's streams. */
    EnrichCommand withStreams(InputStream in, OutputStream out, OutputStream err) {
        this.stdin = in;
        this.stdout = out;
        this.stderr = err;
        return this;
    }

    @Override
    public Integer call() throws IOException {
        AccessRecordEnricher enricher = new AccessRecordEnricher(new RawRecordParser(maxRecordBytes));
        LineCounts counts = new LineCounts();
        RejectionLog log = new RejectionLog(stderr);
        try (JsonGenerator rows = ProcessedRecordJson.newGenerator(new BufferedOutputStream(stdout, 1 << 16))) {
            for (String source : sources()) {
                enrichSource(source, enricher, rows, log, counts);
            }
        }
        log.summary(counts);
        return counts.unreadableSources() == 0 ? 0 : EXIT_UNREADABLE_INPUT;
    }

    private List<String> sources() {
        return files.isEmpty()
                ? List.of(STDIN)
                : files.stream().map(Path::toString).toList();
    }

    private void enrichSource(
            String source, AccessRecordEnricher enricher, JsonGenerator rows, RejectionLog log, LineCounts counts)
            throws IOException {
        NdjsonLineReader lines = null;
        try (InputStream in = Decompression.detect(open(source))) {
            lines = new NdjsonLineReader(in, maxRecordBytes);
            while (lines.next()) {
                enrichLine(source, lines, enricher, rows, log, counts);
            }
        } catch (IOException e) {
            counts.countUnreadableSource();
            rows.flush();
            log.unreadable(source, lines == null ? 0 : lines.lineNumber(), e);
        }
    }

    private void enrichLine(
            String source,
            NdjsonLineReader lines,
            AccessRecordEnricher enricher,
            JsonGenerator rows,
            RejectionLog log,
            LineCounts counts)
            throws IOException {
        Outcome<ProcessedAccessRecord> outcome = lines.truncated()
                ? Outcome.rejected(Rejection.tooLarge(lines.fullLength(), maxRecordBytes))
                : enricher.enrich(lines.bytes(), 0, lines.length());
        if (outcome instanceof Accepted<ProcessedAccessRecord> accepted) {
            ProcessedRecordJson.writeLine(accepted.value(), rows);
            counts.countWritten();
        } else {
            counts.countRejected();
            log.rejected(
                    source,
                    lines.lineNumber(),
                    ((Rejected<ProcessedAccessRecord>) outcome).rejection(),
                    lines.bytes(),
                    lines.length(),
                    lines.truncated());
        }
    }

    private InputStream open(String source) throws IOException {
        return STDIN.equals(source) ? nonClosing(stdin) : Files.newInputStream(Path.of(source));
    }

    private static InputStream nonClosing(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public void close() {}
        };
    }
}
