package org.sagebionetworks.accessrecords.benchmarks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The named figures of one measured run, in the order a table shows them. */
final class RunFigures {

    private final Map<String, Double> values = new LinkedHashMap<>();

    RunFigures with(String name, double value) {
        values.put(name, value);
        return this;
    }

    List<String> names() {
        return List.copyOf(values.keySet());
    }

    double get(String name) {
        Double value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("no figure " + name + " in " + values.keySet());
        }
        return value;
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
