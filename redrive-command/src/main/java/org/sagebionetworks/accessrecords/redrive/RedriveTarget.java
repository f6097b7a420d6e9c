package org.sagebionetworks.accessrecords.redrive;

import java.util.Optional;
import org.sagebionetworks.accessrecords.schema.SharedNames;

/** Where a run reads, writes and keeps its progress. */
record RedriveTarget(
        String deadLetterTopic, String rawTopic, RedriveProgress progress, Optional<Short> progressReplicationFactor) {

    /** One per dead-letter topic: a redrive of the topic fences any other still running. */
    String transactionalId() {
        return SharedNames.REDRIVE_TRANSACTIONAL_ID_PREFIX + deadLetterTopic;
    }
}
