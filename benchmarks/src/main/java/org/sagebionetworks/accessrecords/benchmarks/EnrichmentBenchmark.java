package org.sagebionetworks.accessrecords.benchmarks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import org.sagebionetworks.accessrecords.core.AccessRecordEnricher;
import org.sagebionetworks.accessrecords.core.Outcome;
import org.sagebionetworks.accessrecords.core.Outcome.Accepted;
import org.sagebionetworks.accessrecords.core.RowEncoder;
import org.sagebionetworks.accessrecords.core.enrichment.Enricher;
import org.sagebionetworks.accessrecords.core.output.ProcessedRecordJson;
import org.sagebionetworks.accessrecords.core.validation.RawRecordParser;
import org.sagebionetworks.accessrecords.schema.ProcessedAccessRecord;
import org.sagebionetworks.accessrecords.schema.RawAccessRecord;
import org.sagebionetworks.accessrecords.schema.RawAccessRecordEnvelope;
import org.sagebionetworks.accessrecords.testing.SyntheticTraffic;

/**
 * Records per second on one thread for the core's work, parse + validate + enrich + serialize, on a realistic mix
 * of synthetic records: the service's (to Avro bytes, in one pass and through objects) and the enrich command's
 * (to NDJSON); and two ceilings for comparison: Jackson scanning the same bytes, and parse + validate alone. One
 * operation is one record.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EnrichmentBenchmark {

    private static final JsonFactory JSON = new JsonFactory();

    @Param("10000")
    private int distinctRecords;

    private byte[][] records;
    private RawAccessRecord[] payloads;
    private ProcessedAccessRecord[] rowsToWrite;
    private int next;
    private final AccessRecordEnricher enricher = new AccessRecordEnricher();
    private final RawRecordParser parser = new RawRecordParser();
    private final RowEncoder encoder = new RowEncoder(parser);
    private final ByteArrayOutputStream sink = new ByteArrayOutputStream(1 << 20);
    private JsonGenerator rows;

    @Setup(Level.Trial)
    public void generate() throws IOException {
        SyntheticTraffic traffic = new SyntheticTraffic(42L, 1_700_000_000_000L, 50L);
        records = new byte[distinctRecords][];
        for (int i = 0; i < distinctRecords; i++) {
            records[i] = traffic.next().getBytes(StandardCharsets.UTF_8);
        }
        rows = ProcessedRecordJson.newGenerator(sink);
        payloads = new RawAccessRecord[distinctRecords];
        rowsToWrite = new ProcessedAccessRecord[distinctRecords];
        for (int i = 0; i < distinctRecords; i++) {
            payloads[i] = ((Accepted<RawAccessRecordEnvelope>) parser.parse(records[i]))
                    .value()
                    .getPayload();
            rowsToWrite[i] = Enricher.enrich(payloads[i]);
        }
    }

    /** What the service does to each record: raw bytes to the processed row's Avro bytes, in one pass. */
    @Benchmark
    public Object parseEnrichSerialize() {
        return encoder.encode(nextRecord());
    }

    /** The same bytes through a raw record object and a row object, as the service did before the one pass. */
    @Benchmark
    public Object parseEnrichSerializeThroughObjects() {
        Outcome<ProcessedAccessRecord> outcome = enricher.enrich(nextRecord());
        return RowEncoder.bytesOf(((Accepted<ProcessedAccessRecord>) outcome).value());
    }

    /** What the enrich command does to each line: raw bytes to a row object to an NDJSON line. */
    @Benchmark
    public void parseEnrichWriteJson() throws IOException {
        Outcome<ProcessedAccessRecord> outcome = enricher.enrich(nextRecord());
        ProcessedRecordJson.writeLine(((Accepted<ProcessedAccessRecord>) outcome).value(), rows);
        if (sink.size() > (1 << 19)) {
            rows.flush();
            sink.reset();
        }
    }

    @Benchmark
    public Object enrichOnly() {
        RawAccessRecord payload = payloads[next];
        advance();
        return Enricher.enrich(payload);
    }

    @Benchmark
    public void serializeOnly() throws IOException {
        ProcessedAccessRecord row = rowsToWrite[next];
        advance();
        ProcessedRecordJson.writeLine(row, rows);
        if (sink.size() > (1 << 19)) {
            rows.flush();
            sink.reset();
        }
    }

    @Benchmark
    public Object parseAndValidate() {
        return parser.parse(nextRecord());
    }

    @Benchmark
    public void jsonTokenScan(Blackhole blackhole) throws IOException {
        try (JsonParser json = JSON.createParser(nextRecord())) {
            for (JsonToken token = json.nextToken(); token != null; token = json.nextToken()) {
                if (token == JsonToken.VALUE_STRING) {
                    blackhole.consume(json.getText());
                }
            }
        }
    }

    private byte[] nextRecord() {
        byte[] record = records[next];
        advance();
        return record;
    }

    private void advance() {
        next = next + 1 == records.length ? 0 : next + 1;
    }
}
