package org.sagebionetworks.accessrecords.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.sagebionetworks.accessrecords.core.AccessRecordEnricher;
import org.sagebionetworks.accessrecords.core.Outcome.Accepted;
import org.sagebionetworks.accessrecords.core.output.ProcessedRecordJson;
import org.sagebionetworks.accessrecords.schema.ProcessedAccessRecord;
import org.sagebionetworks.accessrecords.service.topology.AccessRecordTopics;

/** What the service tests send and how they read what comes back. */
public final class ServiceRecords {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ServiceRecords() {}

    /** Sends each line keyed by its sessionId (or by "unkeyed-N" when it has none) and waits for the acks. */
    public static void send(KafkaProducer<byte[], byte[]> producer, String topic, List<String> lines) {
        int n = 0;
        for (String line : lines) {
            producer.send(new ProducerRecord<>(topic, utf8(sessionIdOf(line, "unkeyed-" + n++)), utf8(line)));
        }
        producer.flush();
    }

    public static String sessionIdOf(String line, String fallback) {
        try {
            JsonNode id = JSON.readTree(line).path("payload").path("sessionId");
            return id.isTextual() ? id.asText() : fallback;
        } catch (IOException e) {
            return fallback;
        }
    }

    /** The enrich command's row for each valid line, by session id: what the service must produce. */
    public static Map<String, JsonNode> expectedRows(List<String> lines) {
        AccessRecordEnricher core = new AccessRecordEnricher();
        Map<String, JsonNode> rows = new HashMap<>();
        for (String line : lines) {
            if (core.enrich(utf8(line)) instanceof Accepted<ProcessedAccessRecord> row) {
                rows.put(row.value().getSessionId(), tree(ProcessedRecordJson.toJson(row.value())));
            }
        }
        return rows;
    }

    /** A processed-topic value (the service's Avro row) in the enrich command's form. */
    public static JsonNode asEnrichRow(ConsumerRecord<byte[], byte[]> record) {
        ProcessedAccessRecord row = AccessRecordTopics.ROWS
                .deserializer()
                .deserialize(record.topic(), record.value())
                .decode();
        return tree(ProcessedRecordJson.toJson(row));
    }

    /** The sum of a Prometheus metric's samples (all label sets). */
    public static double metric(String prometheusText, String name) {
        return prometheusText
                .lines()
                .filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    /** Lines of one JSON object each, such as the CloudWatch lines the service writes. */
    public static List<JsonNode> jsonLines(List<String> lines) {
        return lines.stream().map(ServiceRecords::tree).toList();
    }

    public static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    public static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
