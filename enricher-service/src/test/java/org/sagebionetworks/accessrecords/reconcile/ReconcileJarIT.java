package org.sagebionetworks.accessrecords.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sagebionetworks.accessrecords.testsupport.KafkaCluster;

/** reconcile run as the scheduled task runs it: the packaged jar, against s3proxy and a real broker. */
@ExtendWith(KafkaCluster.class)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ReconcileJarIT {

    private static final Path JAR = Path.of("target/enricher-service.jar");

    @Test
    void reportsTheGapWithItsCommandAndEndsWithTheResultLine(@TempDir Path dir) throws Exception {
        try (ReconcileScene scene = ReconcileScene.plant(dir.resolve("s3"))) {
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar",
                    JAR.toString(),
                    "reconcile",
                    "--from",
                    ReconcileScene.GAP_DAY,
                    "--to",
                    ReconcileScene.QUIET_DAY));
            command.addAll(scene.locations());
            Path out = dir.resolve("stdout.txt");
            Path err = dir.resolve("stderr.txt");
            ProcessBuilder builder =
                    new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().put("AWS_ACCESS_KEY_ID", "local");
            builder.environment().put("AWS_SECRET_ACCESS_KEY", "local");
            Process process = builder.start();

            assertThat(process.waitFor(90, TimeUnit.SECONDS)).isTrue();
            String stderr = Files.readString(err, StandardCharsets.UTF_8);
            assertThat(process.exitValue()).as(stderr).isEqualTo(1);
            List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
            assertThat(lines)
                    .anyMatch(line -> line.strip()
                            .startsWith("java -jar enricher-service.jar load-archive --bucket archive --prefix "
                                    + scene.archivePrefix() + " --from 2023-11-14 --to 2023-11-14 --since "
                                    + ReconcileScene.GAP_FIRST));
            assertThat(lines.get(lines.size() - 1))
                    .startsWith("{\"reconcile_result\":\"disagree\"")
                    .contains("\"missing_keys\":2");
        }
    }
}
