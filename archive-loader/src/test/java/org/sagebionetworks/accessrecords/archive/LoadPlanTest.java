package org.sagebionetworks.accessrecords.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sagebionetworks.accessrecords.archive.ObjectProgressTest.loaded;
import static org.sagebionetworks.accessrecords.archive.ObjectProgressTest.range;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sagebionetworks.accessrecords.archive.LoadPlan.Planned;

/** What a run decides for each listed object from what earlier runs committed. */
class LoadPlanTest {

    private static final ArchiveObject OBJECT =
            new ArchiveObject("b", "p/year=2023/month=11/day=05/x.gz", 10, "\"v1\"");
    private static final ArchiveObject REWRITTEN = new ArchiveObject("b", OBJECT.key(), 12, "\"v2\"");
    private static final LoadRange EARLIER = range("2023-11-01", "2023-11-04");

    @Test
    void anObjectWhoseRequestTimesAreAllPublishedIsSkipped() {
        LoadStats stats = new LoadStats();

        List<Planned> todo = plan(range("2023-11-02", "2023-11-03"), false, stats, OBJECT, done(EARLIER));

        assertThat(todo).isEmpty();
        assertThat(stats.objectsAlreadyDone).isEqualTo(1);
    }

    @Test
    void anOverlappingRangeLoadsTheObjectAndNamesTheEarlierRunAndItsDays() {
        LoadStats stats = new LoadStats();

        List<Planned> todo = plan(range("2023-11-03", "2023-11-06"), false, stats, OBJECT, done(EARLIER));

        assertThat(todo).hasSize(1);
        assertThat(todo.get(0).progress().loads()).hasSize(1);
        LoadStats.EarlierRun earlier = stats.earlierRuns.get("2023-11-01..2023-11-04");
        assertThat(earlier.overlap()).hasToString("2023-11-03..2023-11-04");
        assertThat(earlier.objects()).isEqualTo(1);
    }

    @Test
    void aRewrittenObjectIsRefusedUnlessARestartIsAskedFor() {
        LoadStats refusing = new LoadStats();
        LoadStats restarting = new LoadStats();
        ObjectProgress interrupted = ObjectProgress.none(OBJECT).with(loaded(EARLIER, 300, false));

        List<Planned> refused = plan(EARLIER, false, refusing, REWRITTEN, interrupted);
        List<Planned> restarted = plan(EARLIER, true, restarting, REWRITTEN, interrupted);

        assertThat(refused).isEmpty();
        assertThat(refusing.rewrittenObjects).containsExactly(OBJECT.uri());
        assertThat(refusing.failedObjects).containsExactly(OBJECT.uri());
        assertThat(restarted).hasSize(1);
        assertThat(restarted.get(0).progress().loads()).isEmpty();
        assertThat(restarting.objectsRestarted).isEqualTo(1);
    }

    @Test
    void aRewrittenObjectOfWhichNoLineWasHandledIsSimplyLoaded() {
        LoadStats stats = new LoadStats();
        ObjectProgress nothingRead = ObjectProgress.none(OBJECT).with(loaded(EARLIER, 0, false));

        List<Planned> todo = plan(EARLIER, false, stats, REWRITTEN, nothingRead);

        assertThat(todo).hasSize(1);
        assertThat(todo.get(0).progress().loads()).isEmpty();
        assertThat(stats.rewrittenObjects).isEmpty();
    }

    @Test
    void aRewriteMattersOnlyToRangesThatOverlapWhatWasLoadedFromTheOldVersion() {
        LoadStats stats = new LoadStats();

        List<Planned> todo = plan(range("2023-11-05", "2023-11-06"), false, stats, REWRITTEN, done(EARLIER));

        assertThat(todo).hasSize(1);
        assertThat(stats.rewrittenObjects).isEmpty();
    }

    private static ObjectProgress done(LoadRange range) {
        return ObjectProgress.none(OBJECT).with(loaded(range, 5, true));
    }

    private static List<Planned> plan(
            LoadRange range, boolean restart, LoadStats stats, ArchiveObject listed, ObjectProgress progress) {
        return new LoadPlan(range, restart, stats).plan(List.of(listed), Map.of(listed.uri(), progress));
    }
}
