package org.sagebionetworks.accessrecords.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * A copy of {@code terraform/}, initialised once from the provider mirror, that validates and plans variable sets
 * without a network or an AWS account. Only the copy gets the {@code override.tf} with fake credentials and the
 * provider's skip flags; the repository's other (not hidden) folders and files are linked beside it, because the
 * configuration reads {@code ../connect-config}, {@code ../schemas} and {@code ../queries}.
 */
final class OfflineTerraform {

    /** Fake keys and no account or metadata lookups: with these a plan never calls AWS. */
    static final String OFFLINE_PROVIDER = """
            provider "aws" {
              access_key                  = "planned-offline"
              secret_key                  = "planned-offline"
              skip_credentials_validation = true
              skip_requesting_account_id  = true
              skip_metadata_api_check     = true
              skip_region_validation      = true
            }
            """;

    private static final Duration INIT_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration PLAN_TIMEOUT = Duration.ofMinutes(3);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path copy;
    private final TerraformProcess terraform;

    private OfflineTerraform(Path copy, TerraformProcess terraform) {
        this.copy = copy;
        this.terraform = terraform;
    }

    /** Copies the configuration into {@code workspace} (emptied first) and runs {@code terraform init}. */
    static OfflineTerraform initialise(Path workspace) {
        Path executable = TerraformExecutable.locate();
        ProviderMirror mirror = ProviderMirror.locate();
        try {
            deleteWithoutFollowingLinks(workspace);
            Path copy = Files.createDirectories(workspace.resolve(Repository.TERRAFORM.getFileName()));
            linkSiblings(workspace);
            for (Path file : tfFiles()) {
                Files.copy(file, copy.resolve(file.getFileName()));
            }
            linkModules(copy);
            Files.writeString(copy.resolve("override.tf"), OFFLINE_PROVIDER);
            Path cliConfiguration = Files.writeString(workspace.resolve("terraform.rc"), mirror.cliConfiguration());
            OfflineTerraform offline = new OfflineTerraform(copy, new TerraformProcess(executable, cliConfiguration));
            offline.terraform.run(copy, INIT_TIMEOUT, "init", "-backend=false", "-no-color");
            return offline;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare a copy of terraform/ in " + workspace, e);
        }
    }

    /** {@code terraform validate -json}'s verdict. */
    JsonNode validate() {
        return parse(terraform.run(copy, INIT_TIMEOUT, "validate", "-json", "-no-color"));
    }

    /** Plans the variable set and returns {@code terraform show -json} of the plan, also kept beside the copy. */
    TerraformPlan plan(StackVariables variables) {
        try {
            Path file = Files.writeString(
                    copy.resolve(variables.name() + ".tfvars.json"), JSON.writeValueAsString(variables.values()));
            String planFile = variables.name() + ".tfplan";
            terraform.run(
                    copy, PLAN_TIMEOUT, "plan", "-no-color", "-var-file=" + file.getFileName(), "-out=" + planFile);
            String shown = terraform.run(copy, PLAN_TIMEOUT, "show", "-json", planFile);
            Files.writeString(copy.resolve(variables.name() + ".plan.json"), shown);
            return new TerraformPlan(parse(shown));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot plan " + variables.name(), e);
        }
    }

    /** What {@code terraform plan} prints when it refuses the variable set (a failed validation, say). */
    String refusal(StackVariables variables) {
        try {
            Path file = Files.writeString(
                    copy.resolve(variables.name() + ".tfvars.json"), JSON.writeValueAsString(variables.values()));
            terraform.run(copy, PLAN_TIMEOUT, "plan", "-no-color", "-var-file=" + file.getFileName());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot plan " + variables.name(), e);
        } catch (AssertionError refused) {
            return refused.getMessage();
        }
        throw new AssertionError("terraform planned " + variables.name() + " without complaint");
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new AssertionError("terraform printed no JSON: " + json, e);
        }
    }

    private static void linkSiblings(Path workspace) throws IOException {
        try (Stream<Path> entries = Files.list(Repository.ROOT)) {
            for (Path sibling :
                    entries.filter(entry -> !entry.equals(Repository.TERRAFORM)).toList()) {
                Files.createSymbolicLink(workspace.resolve(sibling.getFileName()), sibling);
            }
        }
    }

    /** The child modules the configuration calls, as {@code ./modules/<name>}. */
    private static void linkModules(Path copy) throws IOException {
        Path modules = Repository.TERRAFORM.resolve("modules");
        if (Files.isDirectory(modules)) {
            Files.createSymbolicLink(copy.resolve("modules"), modules);
        }
    }

    private static List<Path> tfFiles() throws IOException {
        try (Stream<Path> files = Files.list(Repository.TERRAFORM)) {
            return files.filter(file -> file.toString().endsWith(".tf")).toList();
        }
    }

    /** Links (to the repository's folders, to the mirror) are removed as links; what they point at stays. */
    private static void deleteWithoutFollowingLinks(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                if (failure != null) {
                    throw failure;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
