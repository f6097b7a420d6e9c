package org.sagebionetworks.accessrecords.core.enrichment;

import java.time.Instant;
import java.time.LocalDate;
import org.sagebionetworks.accessrecords.schema.ProcessedAccessRecord;
import org.sagebionetworks.accessrecords.schema.RawAccessRecord;

/**
 * A validated raw payload to one row of {@code processedaccessrecord}: the payload's fields under their
 * column names, plus the derived columns. Total for any validated input; it never throws.
 */
public final class Enricher {

    private static final long MILLIS_PER_DAY = 86_400_000L;

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

    private static void copyPayload(RawAccessRecord raw, ProcessedAccessRecord out) {
        out.setSessionId(raw.getSessionId());
        out.setTimestamp(Instant.ofEpochMilli(raw.getTimestamp()));
        out.setUserId(raw.getUserId());
        out.setMethod(raw.getMethod());
        out.setRequestUrl(raw.getRequestURL());
        out.setUserAgent(raw.getUserAgent());
        out.setHost(raw.getHost());
        out.setOrigin(raw.getOrigin());
        out.setXForwardedFor(raw.getXforwardedFor());
        out.setVia(raw.getVia());
        out.setThreadId(raw.getThreadId());
        out.setElapseMs(raw.getElapseMS());
        out.setSuccess(raw.getSuccess());
        out.setStack(raw.getStack());
        out.setVmId(raw.getVmId());
        out.setReturnObjectId(raw.getReturnObjectId());
        out.setQueryString(raw.getQueryString());
        out.setResponseStatus(raw.getResponseStatus());
        out.setOauthClientId(raw.getOauthClientId());
        out.setBasicAuthUsername(raw.getBasicAuthUsername());
        out.setAuthMethod(raw.getAuthenticationMethod());
    }

    private static void derive(RawAccessRecord raw, ProcessedAccessRecord out) {
        Client client = ClientClassifier.classify(raw.getUserAgent());
        String lowerCasedUrl = PythonText.lower(raw.getRequestURL());
        out.setInstance(instance(raw.getInstance()));
        out.setNormalizedMethodSignature(raw.getMethod() + " " + UrlSignature.ofLowerCased(lowerCasedUrl));
        out.setClient(client.name());
        out.setClientVersion(ClientClassifier.version(client, raw.getUserAgent()));
        out.setEntityId(EntityIds.ofLowerCased(lowerCasedUrl));
        out.setRecordDate(recordDate(raw.getTimestamp()));
    }
}
