package org.sagebionetworks.accessrecords.core.validation;

import org.sagebionetworks.accessrecords.schema.RawAccessRecord;
import org.sagebionetworks.accessrecords.schema.RawAccessRecordEnvelope;

/** Positions, in a {@link ScannedRecord}, of the fields read by name: the contract's order, looked up once. */
public final class RawFields {

    public static final int PAYLOAD =
            RawAccessRecordEnvelope.getClassSchema().getField("payload").pos();
    public static final int SESSION_ID = payloadField("sessionId");
    public static final int TIMESTAMP = payloadField("timestamp");
    public static final int METHOD = payloadField("method");
    public static final int REQUEST_URL = payloadField("requestURL");
    public static final int USER_AGENT = payloadField("userAgent");
    public static final int INSTANCE = payloadField("instance");

    private RawFields() {}

    private static int payloadField(String name) {
        return RawAccessRecord.getClassSchema().getField(name).pos();
    }
}
