package org.sagebionetworks.accessrecords.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one terraform command in a working folder and returns what it printed, or fails with that output. The
 * environment is this JVM's without any {@code AWS_*} or {@code TF_*} variable, so no credential or profile of the
 * machine can reach a plan, plus the CLI configuration given and the settings of an unattended, offline run.
 */
final class TerraformProcess {

    private final Path executable;
    private final Path cliConfiguration;

    TerraformProcess(Path executable, Path cliConfiguration) {
        this.executable = executable;
        this.cliConfiguration = cliConfiguration;
    }

    String run(Path folder, Duration timeout, String... arguments) {
        List<String> command = new ArrayList<>(List.of(executable.toString()));
        command.addAll(List.of(arguments));
        Path output = folder.resolve(".terraform-" + arguments[0] + ".out");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(folder.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        offlineEnvironment(builder.environment());
        try {
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError(String.join(" ", command) + " did not finish within " + timeout + ":\n"
                        + Files.readString(output));
            }
            String printed = Files.readString(output);
            if (process.exitValue() != 0) {
                throw new AssertionError(
                        String.join(" ", command) + " exited with " + process.exitValue() + ":\n" + printed);
            }
            return printed;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + command, e);
        }
    }

    private void offlineEnvironment(Map<String, String> environment) {
        environment.keySet().removeIf(name -> name.startsWith("AWS_") || name.startsWith("TF_"));
        environment.put("TF_CLI_CONFIG_FILE", cliConfiguration.toString());
        environment.put("TF_IN_AUTOMATION", "1");
        environment.put("TF_INPUT", "0");
        // Terraform otherwise asks checkpoint.hashicorp.com whether a newer version exists.
        environment.put("CHECKPOINT_DISABLE", "1");
    }
}
