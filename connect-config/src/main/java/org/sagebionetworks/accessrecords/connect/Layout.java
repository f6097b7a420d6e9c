package org.sagebionetworks.accessrecords.connect;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the sink puts a row's file, by the row's UTC day. One file per layout in {@code connect-config/layouts}
 * holds everything that must agree: the connector's {@code path.format}, the Glue table's partition keys with
 * their projection, and the storage location template. Choosing a layout switches all of them together.
 */
public enum Layout {
    YEAR_MONTH_DAY("year-month-day"),
    RECORD_DATE("record-date");

    /**
     * The default's name, a constant so that command-line options can name it as their default. Every dashboard
     * filters on {@code record_date}, which prunes partitions only when it is the partition key, and today's table
     * and the loaders that read its files use {@code record_date=} folders.
     */
    public static final String DEFAULT_NAME = "record-date";

    /** The layout of every deployment and local run that does not choose one. */
    public static final Layout DEFAULT = named(DEFAULT_NAME);

    private final String fileName;

    Layout(String fileName) {
        this.fileName = fileName;
    }

    public static Layout named(String name) {
        for (Layout layout : values()) {
            if (layout.fileName.equals(name)) {
                return layout;
            }
        }
        throw new IllegalArgumentException("no layout " + name + "; choose year-month-day or record-date");
    }

    public String fileName() {
        return fileName;
    }

    public JsonNode definition() {
        return SinkConnectorConfig.read("layouts/" + fileName + ".json");
    }

    /** Joda pattern, as Confluent's TimeBasedPartitioner reads it. */
    public String pathFormat() {
        return definition().get("path_format").asText();
    }

    /** The Glue table's partition key names, in order. */
    public List<String> partitionKeys() {
        List<String> names = new ArrayList<>();
        definition()
                .get("partition_keys")
                .forEach(key -> names.add(key.get("name").asText()));
        return names;
    }

    /** The path below the topic folder, with Athena projection's {@code ${key}} placeholders. */
    public String locationTemplate() {
        return definition().get("location_template").asText();
    }
}
