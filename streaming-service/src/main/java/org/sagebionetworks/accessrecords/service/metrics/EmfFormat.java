package org.sagebionetworks.accessrecords.service.metrics;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.NamingConvention;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sagebionetworks.accessrecords.schema.ServiceMetricNames;

/**
 * Meters as CloudWatch embedded-metric-format (EMF) lines: one JSON object a line, for the meters that share a
 * set of tags, with the application id and those tags as dimensions. Names are the ones {@code /prometheus} shows
 * (snake case, counters ending in {@code _total}), so an operator finds one metric under one name in both.
 */
final class EmfFormat {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String namespace;
    private final String applicationId;

    EmfFormat(String namespace, String applicationId) {
        this.namespace = namespace;
        this.applicationId = applicationId;
    }

    /** The lines for these meters at {@code timestampMillis}; a gauge without a value yet (NaN) is left out. */
    List<String> lines(List<Meter> meters, long timestampMillis) {
        Map<List<Tag>, ObjectNode> byTags = new LinkedHashMap<>();
        for (Meter meter : meters) {
            Double value = value(meter);
            if (value != null && Double.isFinite(value)) {
                ObjectNode line = byTags.computeIfAbsent(meter.getId().getTags(), tags -> line(tags, timestampMillis));
                String name = name(meter);
                line.put(name, value);
                ((ArrayNode) line.at("/_aws/CloudWatchMetrics/0/Metrics"))
                        .addObject()
                        .put("Name", name)
                        .put("Unit", unit(meter, name));
            }
        }
        List<String> lines = new ArrayList<>();
        byTags.values().forEach(line -> lines.add(line.toString()));
        return lines;
    }

    /** The name {@code /prometheus} gives the meter. */
    static String name(Meter meter) {
        Meter.Id id = meter.getId();
        String name = NamingConvention.snakeCase.name(id.getName(), id.getType(), id.getBaseUnit());
        return id.getType() == Meter.Type.COUNTER ? name + "_total" : name;
    }

    private ObjectNode line(List<Tag> tags, long timestampMillis) {
        ObjectNode line = JSON.createObjectNode();
        ObjectNode directive = line.putObject("_aws")
                .put("Timestamp", timestampMillis)
                .putArray("CloudWatchMetrics")
                .addObject()
                .put("Namespace", namespace);
        ArrayNode dimensions = directive.putArray("Dimensions").addArray().add(ServiceMetricNames.APPLICATION_ID);
        directive.putArray("Metrics");
        line.put(ServiceMetricNames.APPLICATION_ID, applicationId);
        for (Tag tag : tags) {
            dimensions.add(tag.getKey());
            line.put(tag.getKey(), tag.getValue());
        }
        return line;
    }

    private static Double value(Meter meter) {
        if (meter instanceof Counter counter) {
            return counter.count();
        }
        if (meter instanceof Gauge gauge) {
            return gauge.value();
        }
        return null;
    }

    private static String unit(Meter meter, String name) {
        if (meter.getId().getType() == Meter.Type.COUNTER) {
            return "Count";
        }
        return name.endsWith("_seconds") ? "Seconds" : "None";
    }
}
