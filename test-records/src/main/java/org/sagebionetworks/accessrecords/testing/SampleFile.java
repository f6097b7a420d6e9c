package org.sagebionetworks.accessrecords.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes {@code samples/raw-access-records.ndjson}: a day and a half of synthetic traffic with what real input
 * holds besides, namely a few records the producer sent twice and a few lines the pipeline must reject.
 * Run from the repository root with test-records' class path:
 * {@code java -cp <class path> ...SampleFile samples/raw-access-records.ndjson}.
 */
public final class SampleFile {

    public static final long SEED = 20231114L;
    public static final long START_MILLIS = 1_699_920_000_000L;
    public static final int RECORDS = 200;
    /** Each of these record indexes is sent a second time, a few records later. */
    public static final List<Integer> RESENT = List.of(3, 57, 140);

    public static final List<String> BAD_LINES = List.of(
            "{\"stack\":\"prod\",\"payload\":{\"sessionId\":\"cut-off-by-a-crash\",\"timestamp\":17000",
            "{\"payload\":{\"timestamp\":1700000000123,\"method\":\"GET\",\"requestURL\":\"/repo/v1/version\"}}",
            "{\"payload\":{\"sessionId\":\"s-typed\",\"timestamp\":\"yesterday\",\"method\":\"GET\",\"requestURL\":\"/repo/v1/version\"}}",
            "{\"payload\":{\"sessionId\":\"s-seconds\",\"timestamp\":1700000000,\"method\":\"GET\",\"requestURL\":\"/repo/v1/version\"}}");

    private SampleFile() {}

    public static List<String> lines() {
        SyntheticTraffic traffic = new SyntheticTraffic(SEED, START_MILLIS, 600_000L);
        List<String> lines = new ArrayList<>();
        List<String> records = new ArrayList<>();
        for (int i = 0; i < RECORDS; i++) {
            records.add(traffic.next());
            lines.add(records.get(i));
            if (RESENT.contains(i - 5)) {
                lines.add(records.get(i - 5));
            }
            if (i % 50 == 25) {
                lines.add(BAD_LINES.get(i / 50));
            }
        }
        return lines;
    }

    public static void main(String[] args) throws IOException {
        Files.write(Path.of(args[0]), lines(), StandardCharsets.UTF_8);
    }
}
