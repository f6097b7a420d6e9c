package org.sagebionetworks.accessrecords.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;

/**
 * Judges a schema in development against its released versions. Readers of the table and consumers of the
 * topics hold data written with every released version, so the current schema must read all of it
 * (backward compatibility), and a released version number may never be reused for different content.
 */
final class SchemaEvolution {

    private SchemaEvolution() {}

    /** Returns the problems found; an empty list means the current schema may be released. */
    static List<String> problems(Schema current, Map<Integer, Schema> released) {
        List<String> problems = new ArrayList<>();
        int currentVersion = AccessRecordContract.version(current);
        for (Map.Entry<Integer, Schema> entry : new TreeMap<>(released).entrySet()) {
            int version = entry.getKey();
            Schema old = entry.getValue();
            SchemaCompatibility.SchemaPairCompatibility result =
                    SchemaCompatibility.checkReaderWriterCompatibility(current, old);
            if (result.getType() != SchemaCompatibilityType.COMPATIBLE) {
                problems.add("cannot read data written with released v" + version + ": "
                        + result.getResult().getIncompatibilities());
            }
            if (version > currentVersion) {
                problems.add("current version " + currentVersion + " is older than released v" + version);
            }
            if (version == currentVersion && !old.equals(current)) {
                problems.add("content differs from released v" + version
                        + " under the same version number: bump \"version\" and add the new release file");
            }
        }
        return problems;
    }
}
