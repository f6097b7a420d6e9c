package org.sagebionetworks.accessrecords.publisher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Synapse's repository services run on Corretto 11 with Jackson 2.13 and the AWS SDK v1 on their class path. No
 * Java 11 runtime can be installed on the build machines, so this checks what decides whether one loads the
 * publisher: the class-file version of everything it ships and brings, and that what it ships cannot collide with
 * a class of the host.
 */
class ShippedJarIT {

    private static final String OURS = "org/sagebionetworks/accessrecords/";

    @Test
    void everyClassThePublisherJarShipsLoadsOnJava11() throws Exception {
        Path jar = SynapseClassPath.publisherJar();

        assertThat(ClassFileVersions.classNames(jar)).isNotEmpty();
        assertThat(ClassFileVersions.tooNewFor(ClassFileVersions.JAVA_11, jar)).isEmpty();
    }

    @Test
    void everyJarThePublisherBringsAlongLoadsOnJava11() throws Exception {
        List<Path> jars = SynapseClassPath.dependencies();
        List<String> tooNew = new ArrayList<>();
        for (Path jar : jars) {
            tooNew.addAll(ClassFileVersions.tooNewFor(ClassFileVersions.JAVA_11, jar));
        }

        assertThat(jars)
                .extracting(jar -> jar.getFileName().toString())
                .anyMatch(name -> name.startsWith("kafka-clients"));
        assertThat(tooNew).isEmpty();
    }

    @Test
    void everyRelocatedClassTheJarNamesIsInTheJar() throws Exception {
        assertThat(ShadedReferences.missingFrom(SynapseClassPath.publisherJar()))
                .isEmpty();
    }

    @Test
    void whatTheJarShipsOfOthersIsRelocatedUnderTheProjectsPackage() throws Exception {
        assertThat(ClassFileVersions.classNames(SynapseClassPath.publisherJar()))
                .as("a class outside %s could meet another version of itself in the host", OURS)
                .allMatch(name -> name.startsWith(OURS))
                .anyMatch(name -> name.contains("/shaded/avro/"))
                .anyMatch(name -> name.contains("/shaded/jackson/"));
    }
}
