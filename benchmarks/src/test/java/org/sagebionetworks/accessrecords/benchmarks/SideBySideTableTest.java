package org.sagebionetworks.accessrecords.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SideBySideTableTest {

    private static final SideBySide.Jar BASELINE = new SideBySide.Jar("baseline", Path.of("a.jar"));
    private static final SideBySide.Jar CANDIDATE = new SideBySide.Jar("candidate", Path.of("b.jar"));

    @Test
    void printsEachRunTheMedianPerJarAndCandidateOverBaseline() {
        List<SideBySide.Run> runs = List.of(
                run(BASELINE, 1, 1_000), run(CANDIDATE, 1, 3_000), run(BASELINE, 2, 2_000), run(CANDIDATE, 2, 5_000));

        assertThat(print(runs))
                .contains("| 1 | baseline | 1,000 |")
                .contains("| 2 | candidate | 5,000 |")
                .contains("| median | baseline | 1,500 |")
                .contains("| median | candidate | 4,000 |")
                .contains("| ratio | candidate / baseline | 2.67 |");
    }

    @Test
    void theMedianOfAnOddCountIsItsMiddleRun() {
        List<SideBySide.Run> runs =
                List.of(run(BASELINE, 1, 900), run(BASELINE, 2, 100), run(BASELINE, 3, 400), run(CANDIDATE, 1, 1));

        assertThat(SideBySideTable.median(runs, "baseline", "records/s")).isEqualTo(400);
    }

    private static SideBySide.Run run(SideBySide.Jar jar, int round, double rate) {
        return new SideBySide.Run(jar, round, new RunFigures().with("records/s", rate));
    }

    private static String print(List<SideBySide.Run> runs) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new SideBySideTable("baseline", "candidate").print(runs, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
