package org.sagebionetworks.accessrecords.service.state;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Where an application's local state was built from: the cluster's id and the ids of the topics it reads (the raw
 * topic and the app's changelogs). A topic deleted and created again keeps its name and gets a new id, so ids
 * tell a recreated changelog, or another cluster's, from the one the stores hold.
 *
 * @param topicIds topic name to topic id
 */
record StateOrigin(String clusterId, SortedMap<String, String> topicIds) {

    private static final String CLUSTER_ID = "cluster.id";
    private static final String TOPIC = "topic.";

    StateOrigin {
        topicIds = new TreeMap<>(topicIds);
    }

    static Optional<StateOrigin> read(Path file) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + "; delete it to rebuild the local state", e);
        }
        SortedMap<String, String> topics = new TreeMap<>();
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith(TOPIC)) {
                topics.put(key.substring(TOPIC.length()), properties.getProperty(key));
            }
        }
        return Optional.of(new StateOrigin(properties.getProperty(CLUSTER_ID), topics));
    }

    /** Written beside and then moved over the old file, so a crash leaves either the old origin or the new one. */
    void write(Path file) {
        Properties properties = new Properties();
        properties.setProperty(CLUSTER_ID, clusterId);
        topicIds.forEach((topic, id) -> properties.setProperty(TOPIC + topic, id));
        Path written = file.resolveSibling(file.getFileName() + ".new");
        try {
            Files.createDirectories(file.getParent());
            try (Writer writer = Files.newBufferedWriter(written, StandardCharsets.UTF_8)) {
                properties.store(writer, "What enricher-service built this local state from; see LocalStateGuard");
            }
            Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** What differs from {@code other}, for people; empty when nothing does. */
    String differencesFrom(StateOrigin other) {
        StringBuilder differences = new StringBuilder();
        if (!clusterId.equals(other.clusterId)) {
            differences
                    .append("cluster id ")
                    .append(other.clusterId)
                    .append(" -> ")
                    .append(clusterId)
                    .append("; ");
        }
        for (String topic : union(topicIds, other.topicIds)) {
            String before = other.topicIds.getOrDefault(topic, "absent");
            String now = topicIds.getOrDefault(topic, "absent");
            if (!before.equals(now)) {
                differences
                        .append("topic ")
                        .append(topic)
                        .append(' ')
                        .append(before)
                        .append(" -> ")
                        .append(now)
                        .append("; ");
            }
        }
        return differences.isEmpty() ? "" : differences.substring(0, differences.length() - 2);
    }

    private static TreeSet<String> union(Map<String, String> a, Map<String, String> b) {
        TreeSet<String> keys = new TreeSet<>(a.keySet());
        keys.addAll(b.keySet());
        return keys;
    }
}
