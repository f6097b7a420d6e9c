package org.sagebionetworks.repo.model.audit;

import org.sagebionetworks.schema.adapter.JSONEntity;

public class AccessRecord implements JSONEntity {
    public Long getTimestamp() {
        return null;
    }

    public String getStack() {
        return null;
    }

    public String getInstance() {
        return null;
    }
}
