package org.sagebionetworks.accessrecords.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command line that runs a jar in a JVM of its own, as a user runs it, with the harness's extra options. */
final class JavaCommand {

    private JavaCommand() {}

    /**
     * {@code java -Xmx.. <GC log> <JVM options> -jar <jar> <arguments>}, with this JVM's java so both jars of a
     * comparison run on the same runtime.
     */
    static List<String> of(String maxHeap, GcLogHeap gcLog, List<String> jvmOptions, Path jar, List<String> arguments) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + maxHeap,
                gcLog.jvmOption()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString()));
        command.addAll(arguments);
        return command;
    }

    /** Space-separated options from an environment variable, none when it is unset. */
    static List<String> options(String variable) {
        return List.of(System.getenv().getOrDefault(variable, "").split(" ")).stream()
                .filter(option -> !option.isBlank())
                .toList();
    }
}
