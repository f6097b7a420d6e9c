package org.sagebionetworks.accessrecords.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without terraform or a provider mirror the plan tests fail and say what is missing and how to fix it. */
class LocatingTerraformTest {

    @TempDir
    Path folder;

    @Test
    void noTerraformOnThePathFailsNamingTheFix() {
        assertThatThrownBy(() -> TerraformExecutable.locate(Map.of("PATH", folder.toString())))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("terraform is not on the PATH")
                .hasMessageContaining("set TERRAFORM");
    }

    @Test
    void aTerraformVariableThatNamesNoExecutableFails() {
        assertThatThrownBy(() -> TerraformExecutable.locate(
                        Map.of("TERRAFORM", folder.resolve("terraform").toString())))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("is not an executable file");
    }

    @Test
    void terraformIsFoundOnThePath() throws IOException {
        Path binary = Files.createFile(folder.resolve("terraform"));
        assertThat(binary.toFile().setExecutable(true)).isTrue();

        assertThat(TerraformExecutable.locate(Map.of("PATH", "/nonexistent:" + folder)))
                .isEqualTo(binary);
    }

    @Test
    void noMirrorInAnyKnownRootFailsSayingWhereItLookedAndHowToFillOne() {
        assertThatThrownBy(() -> ProviderMirror.locate(Map.of(), List.of(folder)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(folder.toString())
                .hasMessageContaining("terraform providers mirror")
                .hasMessageContaining("TF_PROVIDER_MIRROR");
    }

    @Test
    void aMirrorVariableThatHoldsNoAwsProviderFails() {
        assertThatThrownBy(() -> ProviderMirror.locate(Map.of("TF_PROVIDER_MIRROR", folder.toString()), List.of()))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("holds no registry.terraform.io/hashicorp/aws");
    }

    @Test
    void aMirrorHoldingTheAwsProviderIsUsedForEveryRegistryProvider() throws IOException {
        Path platform =
                Files.createDirectories(folder.resolve("registry.terraform.io/hashicorp/aws/5.100.0/linux_amd64"));
        Files.createFile(platform.resolve("terraform-provider-aws_v5.100.0_x5"));

        ProviderMirror mirror = ProviderMirror.locate(Map.of(), List.of(folder.resolve("elsewhere"), folder));

        assertThat(mirror.root()).isEqualTo(folder);
        assertThat(mirror.cliConfiguration())
                .contains("path    = \"" + folder.toAbsolutePath() + "\"")
                .contains("exclude = [\"registry.terraform.io/*/*\"]");
    }
}
