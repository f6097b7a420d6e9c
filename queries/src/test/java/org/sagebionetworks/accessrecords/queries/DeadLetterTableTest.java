package org.sagebionetworks.accessrecords.queries;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sagebionetworks.accessrecords.schema.SharedNames;

/**
 * The example query over archive files laid out as the archive writes them, with a letter a restarted connector
 * wrote into two files: it counts that letter once, and reads the headers as a map.
 */
class DeadLetterTableTest {

    private static final Path EXAMPLE = Path.of("dead-letters", "letters-by-reason-per-day.sql");
    private static final String RAW_DLQ = SharedNames.DEAD_LETTER_TOPIC;

    @TempDir
    Path archive;

    @Test
    void theExampleQueryCountsEachLetterOnceByDayTopicAndReason() throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate yesterday = today.minusDays(1);
        write(RAW_DLQ, yesterday, 0, letter(0, 5, "MISSING_FIELD"), letter(0, 6, "MISSING_FIELD"));
        // The same letter 6 again, in the file a restart began at it, and one more letter of today.
        write(RAW_DLQ, yesterday, 6, letter(0, 6, "MISSING_FIELD"));
        write(RAW_DLQ, today, 7, letter(0, 7, "TOO_LARGE"));

        assertThat(rows(QueryFiles.read(EXAMPLE).sql()))
                .containsExactly(
                        yesterday + " " + RAW_DLQ + " MISSING_FIELD 2", today + " " + RAW_DLQ + " TOO_LARGE 1");
    }

    @Test
    void headersAreAMapByName() throws Exception {
        write(RAW_DLQ, LocalDate.now(ZoneOffset.UTC), 0, letter(0, 1, "ABSURD_VALUE"));

        assertThat(rows("SELECT headers['error.class'], headers['source.topic'], 'x' , 0 FROM dead_letters"))
                .containsExactly("ABSURD_VALUE synapse.accessrecords.raw x 0");
    }

    private static String letter(int partition, long offset, String reason) {
        return "{\"topic\":\"" + RAW_DLQ + "\",\"kafka_partition\":" + partition + ",\"kafka_offset\":" + offset
                + ",\"dead_lettered_at\":1772409600000,\"key\":\"s-" + offset + "\",\"key_base64\":null,"
                + "\"value\":\"{}\",\"value_base64\":null,\"headers\":{\"error.class\":\"" + reason
                + "\",\"source.topic\":\"synapse.accessrecords.raw\"},\"headers_base64\":{},\"reason\":\"" + reason
                + "\"}";
    }

    private void write(String topic, LocalDate day, long startOffset, String... lines) throws IOException {
        Path folder = Files.createDirectories(archive.resolve(topic).resolve(SharedNames.DEAD_LETTER_DATE + "=" + day));
        Path file = folder.resolve(String.format("%s+0+%010d.json.gz", topic, startOffset));
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    private List<String> rows(String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection duckdb = DeadLetterTable.over(archive);
                Statement statement = duckdb.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                rows.add(result.getString(1) + " " + result.getString(2) + " " + result.getString(3) + " "
                        + result.getLong(4));
            }
        }
        return rows;
    }
}
