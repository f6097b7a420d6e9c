package org.sagebionetworks.accessrecords.service.freshness;

/**
 * An S3 sink that writes a table: its Kafka Connect consumer group ({@code connect-<connector name>}) and the topic
 * it reads.
 */
public record TableSink(String group, String topic) {}
