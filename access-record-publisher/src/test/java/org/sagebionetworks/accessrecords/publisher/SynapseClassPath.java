package org.sagebionetworks.accessrecords.publisher;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a host that depends on the publisher gets, as the build wrote it down for the integration tests: the
 * publisher's jar as packaged (shaded), and the jars its POM brings along (the pom's synapse-classpath execution).
 */
final class SynapseClassPath {

    private SynapseClassPath() {}

    static Path publisherJar() {
        Path jar = Path.of(property("publisher.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run the integration tests through Maven's verify");
        }
        return jar;
    }

    /** The jars that come with the publisher, in class path order. */
    static List<Path> dependencies() throws IOException {
        String line = Files.readString(Path.of(property("publisher.dependencies")), StandardCharsets.UTF_8)
                .trim();
        return Arrays.stream(line.split(File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .map(Path::of)
                .collect(Collectors.toList());
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            throw new IllegalStateException(
                    "system property " + name + " is not set: the failsafe configuration in the pom sets it");
        }
        return value;
    }
}
