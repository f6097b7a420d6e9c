package org.sagebionetworks.accessrecords.deploy;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The {@code terraform} binary the plan tests run: the file {@code $TERRAFORM} names, or {@code terraform} on the
 * PATH. Without one the tests fail and say how to get one; a skipped plan would look like a passing one.
 */
final class TerraformExecutable {

    static final String VARIABLE = "TERRAFORM";

    private TerraformExecutable() {}

    static Path locate() {
        return locate(System.getenv());
    }

    static Path locate(Map<String, String> environment) {
        String named = environment.get(VARIABLE);
        if (named != null && !named.isBlank()) {
            Path file = Path.of(named);
            if (!Files.isExecutable(file)) {
                throw new AssertionError(VARIABLE + "=" + named + " is not an executable file; point it at the "
                        + "terraform binary or unset it to use terraform from the PATH");
            }
            return file;
        }
        for (String folder : environment.getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(folder, "terraform");
            if (!folder.isBlank() && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError("terraform is not on the PATH, and the suite plans terraform/ with it (Terraform "
                + ">= 1.6; written against 1.11). Install it (https://developer.hashicorp.com/terraform/install) or "
                + "set " + VARIABLE + " to the binary's path.");
    }
}
