package org.sagebionetworks.accessrecords.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SideBySideTest {

    @Test
    void takesTurnsAtRunningFirstSoNeitherJarAlwaysMeetsTheWarmerBroker(@TempDir Path dir) throws Exception {
        Path baseline = Files.createFile(dir.resolve("baseline.jar"));
        Path candidate = Files.createFile(dir.resolve("candidate.jar"));
        SideBySide jars = SideBySide.fromArguments(new String[] {baseline.toString(), candidate.toString()});
        List<String> order = new ArrayList<>();

        List<SideBySide.Run> runs = jars.alternate(1, 3, jar -> {
            order.add(jar.label());
            return new RunFigures();
        });

        assertThat(order)
                .containsExactly(
                        "baseline",
                        "candidate",
                        "baseline",
                        "candidate",
                        "candidate",
                        "baseline",
                        "baseline",
                        "candidate");
        assertThat(runs).hasSize(6);
    }
}
