package org.sagebionetworks.accessrecords.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A local provider mirror holding {@code hashicorp/aws}, from which {@code terraform init} installs the provider
 * without a network: the folder that holds {@code registry.terraform.io}, named by {@code $TF_PROVIDER_MIRROR} or
 * found among the usual roots. Without one the tests fail and say where they looked.
 */
record ProviderMirror(Path root) {

    static final String VARIABLE = "TF_PROVIDER_MIRROR";

    private static final String AWS = "registry.terraform.io/hashicorp/aws";

    static ProviderMirror locate() {
        return locate(System.getenv(), knownRoots());
    }

    static ProviderMirror locate(Map<String, String> environment, List<Path> roots) {
        String named = environment.get(VARIABLE);
        if (named != null && !named.isBlank()) {
            if (!holdsAwsProvider(Path.of(named))) {
                throw new AssertionError(VARIABLE + "=" + named + " holds no " + AWS + "/<version>/<os_arch>/"
                        + "terraform-provider-aws_*; point it at the folder that holds registry.terraform.io");
            }
            return new ProviderMirror(Path.of(named));
        }
        return roots.stream()
                .filter(ProviderMirror::holdsAwsProvider)
                .findFirst()
                .map(ProviderMirror::new)
                .orElseThrow(() -> new AssertionError("no local mirror of the " + AWS + " provider in " + roots
                        + ", and the plan tests run offline. Fill one on a machine with a network ("
                        + "`terraform providers mirror <folder>` in terraform/) and set " + VARIABLE
                        + " to that folder."));
    }

    /** A CLI configuration that installs every registry provider from this mirror and none from the network. */
    String cliConfiguration() {
        String path = root.toAbsolutePath().toString().replace("\\", "\\\\");
        return """
                provider_installation {
                  filesystem_mirror {
                    path    = "%s"
                    include = ["registry.terraform.io/*/*"]
                  }
                  direct {
                    exclude = ["registry.terraform.io/*/*"]
                  }
                }
                """.formatted(path);
    }

    /** Where this machine's mirror is kept, then Terraform's own implicit local mirror folders on Unix. */
    private static List<Path> knownRoots() {
        List<Path> roots = new ArrayList<>(List.of(Path.of("/opt/tf-plugins")));
        String home = System.getProperty("user.home");
        roots.add(Path.of(home, ".terraform.d/plugins"));
        roots.add(Path.of(home, ".local/share/terraform/plugins"));
        roots.add(Path.of("/usr/local/share/terraform/plugins"));
        roots.add(Path.of("/usr/share/terraform/plugins"));
        return roots;
    }

    private static boolean holdsAwsProvider(Path root) {
        Path provider = root.resolve(AWS);
        if (!Files.isDirectory(provider)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(provider, 3)) {
            return files.anyMatch(file ->
                    file.getFileName().toString().startsWith("terraform-provider-aws") && Files.isRegularFile(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + provider, e);
        }
    }
}
