package org.sagebionetworks.accessrecords.core.enrichment;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The columns of {@code processedaccessrecord} that hold a payload field unchanged, and which field: the one place
 * the raw contract's names meet the table's. Every other column is derived ({@link DerivedColumns}).
 */
public final class PayloadColumns {

    private static final Map<String, String> FIELD_BY_COLUMN = new LinkedHashMap<>();

    static {
        FIELD_BY_COLUMN.put("session_id", "sessionId");
        FIELD_BY_COLUMN.put("timestamp", "timestamp");
        FIELD_BY_COLUMN.put("user_id", "userId");
        FIELD_BY_COLUMN.put("method", "method");
        FIELD_BY_COLUMN.put("request_url", "requestURL");
        FIELD_BY_COLUMN.put("user_agent", "userAgent");
        FIELD_BY_COLUMN.put("host", "host");
        FIELD_BY_COLUMN.put("origin", "origin");
        FIELD_BY_COLUMN.put("x_forwarded_for", "xforwardedFor");
        FIELD_BY_COLUMN.put("via", "via");
        FIELD_BY_COLUMN.put("thread_id", "threadId");
        FIELD_BY_COLUMN.put("elapse_ms", "elapseMS");
        FIELD_BY_COLUMN.put("success", "success");
        FIELD_BY_COLUMN.put("stack", "stack");
        FIELD_BY_COLUMN.put("vm_id", "vmId");
        FIELD_BY_COLUMN.put("return_object_id", "returnObjectId");
        FIELD_BY_COLUMN.put("query_string", "queryString");
        FIELD_BY_COLUMN.put("response_status", "responseStatus");
        FIELD_BY_COLUMN.put("oauth_client_id", "oauthClientId");
        FIELD_BY_COLUMN.put("basic_auth_username", "basicAuthUsername");
        FIELD_BY_COLUMN.put("auth_method", "authenticationMethod");
    }

    private PayloadColumns() {}

    /** Column name to payload field name, in the table's column order. */
    public static Map<String, String> fieldByColumn() {
        return Collections.unmodifiableMap(FIELD_BY_COLUMN);
    }

    /** The payload field a column copies, or null when the column is derived. */
    public static String fieldOf(String column) {
        return FIELD_BY_COLUMN.get(column);
    }
}
