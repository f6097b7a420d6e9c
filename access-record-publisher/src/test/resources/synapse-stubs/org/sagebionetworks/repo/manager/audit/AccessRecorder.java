package org.sagebionetworks.repo.manager.audit;

import org.sagebionetworks.repo.model.audit.AccessRecord;

public interface AccessRecorder {
    void save(AccessRecord record);
}
