package org.sagebionetworks.accessrecords.core.enrichment;

import java.time.Instant;
import java.time.LocalDate;
import org.apache.avro.Schema;
import org.sagebionetworks.accessrecords.schema.ProcessedAccessRecord;
import org.sagebionetworks.accessrecords.schema.RawAccessRecord;

/**
 * A validated raw payload to one row of {@code processedaccessrecord}: the payload's fields under their
 * column names, plus the derived columns. Total for any validated input; it never throws.
 */
public final class Enricher {

    private static final long MILLIS_PER_DAY = 86_400_000L;
    private static final String TIMESTAMP = "timestamp";
    /** Positions of the copied columns but timestamp (an Instant in the row, a long in the payload), and their fields. */
    private static final int[] COPIED_COLUMNS = copiedPositions(ProcessedAccessRecord.getClassSchema(), true);

    private static final int[] COPIED_FIELDS = copiedPositions(RawAccessRecord.getClassSchema(), false);

    private Enricher() {}

    public static ProcessedAccessRecord enrich(RawAccessRecord raw) {
        ProcessedAccessRecord out = new ProcessedAccessRecord();
        copyPayload(raw, out);
        derive(raw, out);
        return out;
    }

    /** The UTC calendar day of an epoch-millisecond time, also for times before 1970. */
    public static LocalDate recordDate(long epochMillis) {
        return LocalDate.ofEpochDay(Math.floorDiv(epochMillis, MILLIS_PER_DAY));
    }

    /** The instance number without its zero padding: "000000500" is "500" and "000000000" is "". */
    public static String instance(String padded) {
        if (padded == null) {
            return null;
        }
        int start = 0;
        while (start < padded.length() && padded.charAt(start) == '0') {
            start++;
        }
        return padded.substring(start);
    }

    /** The derived columns of a payload, from the only fields they depend on. */
    private static DerivedColumns derive(
            String method, String requestUrl, String userAgent, String paddedInstance, long timestamp) {
        return derive(method, requestUrl, ClientOfUserAgent.of(userAgent), paddedInstance, timestamp);
    }

    /** The same, for a caller that knows the user agent's client already ({@link KnownUserAgents}). */
    public static DerivedColumns derive(
            String method, String requestUrl, ClientOfUserAgent client, String paddedInstance, long timestamp) {
        String lowerCasedUrl = PythonText.lower(requestUrl);
        return new DerivedColumns(
                instance(paddedInstance),
                method + " " + UrlSignature.ofLowerCased(lowerCasedUrl),
                client.client(),
                client.clientVersion(),
                EntityIds.ofLowerCased(lowerCasedUrl),
                recordDate(timestamp));
    }

    private static void copyPayload(RawAccessRecord raw, ProcessedAccessRecord out) {
        for (int i = 0; i < COPIED_COLUMNS.length; i++) {
            out.put(COPIED_COLUMNS[i], raw.get(COPIED_FIELDS[i]));
        }
        out.setTimestamp(Instant.ofEpochMilli(raw.getTimestamp()));
    }

    private static void derive(RawAccessRecord raw, ProcessedAccessRecord out) {
        DerivedColumns derived =
                derive(raw.getMethod(), raw.getRequestURL(), raw.getUserAgent(), raw.getInstance(), raw.getTimestamp());
        out.setInstance(derived.instance());
        out.setNormalizedMethodSignature(derived.normalizedMethodSignature());
        out.setClient(derived.client());
        out.setClientVersion(derived.clientVersion());
        out.setEntityId(derived.entityId());
        out.setRecordDate(derived.recordDate());
    }

    private static int[] copiedPositions(Schema schema, boolean ofColumn) {
        return PayloadColumns.fieldByColumn().entrySet().stream()
                .filter(copied -> !copied.getKey().equals(TIMESTAMP))
                .mapToInt(copied -> schema.getField(ofColumn ? copied.getKey() : copied.getValue())
                        .pos())
                .toArray();
    }
}
