package org.sagebionetworks.cloudwatch;

import java.util.Date;
import java.util.Map;

/** One CloudWatch datum in Synapse (signatures only). */
public class ProfileData {
    public ProfileData setNamespace(String namespace) {
        return this;
    }

    public ProfileData setName(String name) {
        return this;
    }

    public ProfileData setValue(Double value) {
        return this;
    }

    public ProfileData setUnit(String unit) {
        return this;
    }

    public ProfileData setTimestamp(Date timestamp) {
        return this;
    }

    public ProfileData setDimension(Map<String, String> dimension) {
        return this;
    }
}
