package org.sagebionetworks.accessrecords.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sagebionetworks.accessrecords.core.AccessRecordEnricher;
import org.sagebionetworks.accessrecords.core.Outcome.Accepted;
import org.sagebionetworks.accessrecords.schema.ProcessedAccessRecord;

/**
 * The table a pipeline must make of some raw lines, computed by the enrichment core alone: one row per session
 * id among the lines the core accepts (retries repeat a record whole, so the last copy equals the first).
 */
public final class ExpectedTable {

    private ExpectedTable() {}

    /** Rows by session id, in the order their lines first came. */
    public static Map<String, ProcessedAccessRecord> of(List<String> lines) {
        AccessRecordEnricher core = new AccessRecordEnricher();
        Map<String, ProcessedAccessRecord> rows = new LinkedHashMap<>();
        for (String line : lines) {
            if (core.enrich(line.getBytes(StandardCharsets.UTF_8)) instanceof Accepted<ProcessedAccessRecord> row) {
                rows.putIfAbsent(row.value().getSessionId(), row.value());
            }
        }
        return rows;
    }
}
