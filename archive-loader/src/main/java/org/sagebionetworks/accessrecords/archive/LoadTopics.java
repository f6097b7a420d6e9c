package org.sagebionetworks.accessrecords.archive;

/**
 * The topics a load writes: records to the raw topic, unusable lines to the dead-letter topic, and what it published
 * from each object to the progress topic, which it creates (compacted, one partition) if missing.
 *
 * @param progressReplicationFactor the progress topic's replication if created; null for the broker's default
 */
public record LoadTopics(String raw, String deadLetter, String progress, Short progressReplicationFactor) {}
