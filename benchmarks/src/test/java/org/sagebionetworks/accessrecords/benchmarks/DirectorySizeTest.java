package org.sagebionetworks.accessrecords.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectorySizeTest {

    @TempDir
    Path dir;

    @Test
    void sumsTheFilesOfNestedFolders() throws Exception {
        Files.write(dir.resolve("a"), new byte[512 * 1024]);
        Path store = Files.createDirectories(dir.resolve("app/0_1/store"));
        Files.write(store.resolve("000001.sst"), new byte[1024 * 1024]);

        assertThat(DirectorySize.mebibytes(dir)).isEqualTo(1.5);
    }
}
