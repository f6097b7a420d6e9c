package org.sagebionetworks.accessrecords.service.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The origin file round-trips, and says what changed in terms a person can act on. */
class StateOriginTest {

    private static final StateOrigin ORIGIN =
            origin("cluster-a", Map.of("raw", "id-raw", "app-store-changelog", "id-1"));

    @TempDir
    Path dir;

    @Test
    void whatIsWrittenIsReadBack() {
        Path file = dir.resolve("app").resolve(LocalStateGuard.ORIGIN_FILE);

        ORIGIN.write(file);

        assertThat(StateOrigin.read(file)).contains(ORIGIN);
    }

    @Test
    void aMissingFileReadsAsNoOrigin() {
        assertThat(StateOrigin.read(dir.resolve("absent"))).isEmpty();
    }

    @Test
    void theSameOriginHasNoDifferences() {
        assertThat(origin("cluster-a", Map.of("app-store-changelog", "id-1", "raw", "id-raw"))
                        .differencesFrom(ORIGIN))
                .isEmpty();
    }

    @Test
    void anotherClusterARecreatedTopicAndAMissingChangelogAreEachNamed() {
        StateOrigin now = origin("cluster-b", Map.of("raw", "id-raw-2"));

        assertThat(now.differencesFrom(ORIGIN))
                .isEqualTo(
                        "cluster id cluster-a -> cluster-b; topic app-store-changelog id-1 -> absent; topic raw id-raw -> id-raw-2");
    }

    private static StateOrigin origin(String clusterId, Map<String, String> topicIds) {
        return new StateOrigin(clusterId, new TreeMap<>(topicIds));
    }
}
