package org.sagebionetworks.accessrecords.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sagebionetworks.accessrecords.archive.Tally.Fate;

/** What progress says was published from an object, across ranges, versions and the two record forms. */
class ObjectProgressTest {

    private static final ArchiveObject OBJECT =
            new ArchiveObject("b", "p/year=2023/month=11/day=05/x.gz", 10, "\"v1\"");
    private static final LoadRange FIRST_FOUR = range("2023-11-01", "2023-11-04");
    private static final LoadRange THIRD_TO_SIXTH = range("2023-11-03", "2023-11-06");

    @Test
    void windowsTogetherCoverAWindowOnlyWithoutAGap() {
        RequestWindow november = FIRST_FOUR.window();
        RequestWindow firstTwo = range("2023-11-01", "2023-11-02").window();
        RequestWindow lastTwo = range("2023-11-03", "2023-11-04").window();

        assertThat(november.coveredBy(List.of(lastTwo, firstTwo))).isTrue();
        assertThat(november.coveredBy(List.of(firstTwo))).isFalse();
        assertThat(november.coveredBy(
                        List.of(firstTwo, range("2023-11-04", "2023-11-04").window())))
                .isFalse();
        assertThat(november.toString()).isEqualTo("2023-11-01..2023-11-04");
    }

    @Test
    void aFinishedLoadOfALargerWindowCoversAnyRangeInsideIt() {
        ObjectProgress progress = ObjectProgress.none(OBJECT).with(loaded(FIRST_FOUR, 5, true));

        assertThat(progress.covers(range("2023-11-02", "2023-11-03").window(), OBJECT.etag()))
                .isTrue();
        assertThat(progress.covers(THIRD_TO_SIXTH.window(), OBJECT.etag())).isFalse();
        assertThat(progress.covers(FIRST_FOUR.window(), "\"v2\""))
                .as("another version")
                .isFalse();
    }

    @Test
    void anInterruptedLoadHandledOnlyTheLinesItCommitted() {
        ObjectLoad interrupted = loaded(FIRST_FOUR, 3, false);
        long third = millis("2023-11-03T10:00:00Z");

        assertThat(interrupted.handled(3, third)).isTrue();
        assertThat(interrupted.handled(4, third)).isFalse();
        assertThat(interrupted.handled(1, millis("2023-11-05T00:00:00Z")))
                .as("outside its window")
                .isFalse();
    }

    @Test
    void earlierLoadsAreThoseOfOtherOverlappingWindowsOfTheSameVersion() {
        ObjectLoad first = loaded(FIRST_FOUR, 5, true);
        ObjectLoad own = loaded(THIRD_TO_SIXTH, 2, false);
        ObjectLoad disjoint = loaded(range("2023-11-10", "2023-11-11"), 5, true);
        ObjectProgress progress = new ObjectProgress(OBJECT.uri(), List.of(first, own, disjoint));

        assertThat(progress.loadOf(THIRD_TO_SIXTH.window())).isEqualTo(own);
        assertThat(progress.earlierLoads(THIRD_TO_SIXTH.window(), OBJECT.etag()))
                .containsExactly(first);
        assertThat(progress.otherVersions(THIRD_TO_SIXTH.window(), "\"v2\"")).containsExactly(first, own);
        assertThat(progress.with(own.advance(5, true, new Tally())).loads()).hasSize(3);
    }

    @Test
    void progressSurvivesItsJsonForm() {
        Tally tally = new Tally();
        for (Fate fate : Fate.values()) {
            tally.set(fate, fate.ordinal() + 1);
        }
        ObjectProgress progress = ObjectProgress.none(OBJECT)
                .with(loaded(FIRST_FOUR, 5, true))
                .with(ObjectLoad.start(THIRD_TO_SIXTH, OBJECT).advance(tally.lines(), false, tally));

        ObjectProgress read = ProgressJson.read(ProgressJson.parse(ProgressJson.write(progress)));

        assertThat(read).isNotNull();
        assertThat(read.object()).isEqualTo("s3://b/p/year=2023/month=11/day=05/x.gz");
        assertThat(read.loads()).hasSize(2);
        ObjectLoad second = read.loadOf(THIRD_TO_SIXTH.window());
        assertThat(second.run()).isEqualTo("2023-11-03..2023-11-06");
        assertThat(second.etag()).isEqualTo("\"v1\"");
        assertThat(second.lines()).isEqualTo(tally.lines());
        assertThat(second.done()).isFalse();
        for (Fate fate : Fate.values()) {
            assertThat(second.tally().get(fate)).as(fate.name()).isEqualTo(fate.ordinal() + 1);
        }
    }

    @Test
    void aFollowLoadIsOpenEndedAndKeepsItsWindowThroughItsRecord() {
        LoadRange follow = new LoadRange(LocalDate.parse("2023-11-03"), null, null, null);
        ObjectProgress progress = ObjectProgress.none(OBJECT).with(loaded(follow, 5, true));

        ObjectProgress read = ProgressJson.read(ProgressJson.parse(ProgressJson.write(progress)));

        ObjectLoad load = read.loadOf(follow.window());
        assertThat(load).isNotNull();
        assertThat(load.run()).isEqualTo("2023-11-03.. --follow");
        assertThat(load.window().toString()).isEqualTo("2023-11-03..");
        assertThat(read.covers(range("2023-11-05", "2023-12-31").window(), OBJECT.etag()))
                .isTrue();
        assertThat(read.covers(FIRST_FOUR.window(), OBJECT.etag())).isFalse();
    }

    @Test
    void aRecordOfTheEarlierPerRangeFormIsTheLoadOfItsRangesWindow() {
        String legacy = "{\"object\":\"s3://b/k\",\"range\":\"2023-11-29..2023-11-30\",\"etag\":\"\\\"e\\\"\","
                + "\"lines\":7,\"done\":false,\"published\":5,\"dead_lettered\":1,\"outside_range\":1,"
                + "\"before_since\":0,\"after_cutover\":0,\"since\":null,\"cutover\":\"2023-11-30T12:00:00Z\","
                + "\"written_at\":\"2026-01-05T10:00:00Z\"}";

        ObjectLoad load = ProgressJson.readLegacy(ProgressJson.parse(legacy.getBytes(StandardCharsets.UTF_8)));

        assertThat(ProgressJson.read(ProgressJson.parse(legacy.getBytes(StandardCharsets.UTF_8))))
                .isNull();
        assertThat(load.window())
                .isEqualTo(new LoadRange(
                                LocalDate.parse("2023-11-29"),
                                LocalDate.parse("2023-11-30"),
                                null,
                                Instant.parse("2023-11-30T12:00:00Z"))
                        .window());
        assertThat(load.run()).isEqualTo("2023-11-29..2023-11-30 --cutover 2023-11-30T12:00:00Z");
        assertThat(load.etag()).isEqualTo("\"e\"");
        assertThat(load.lines()).isEqualTo(7);
        assertThat(load.done()).isFalse();
        assertThat(load.tally().get(Fate.PUBLISHED)).isEqualTo(5);
    }

    static LoadRange range(String from, String to) {
        return new LoadRange(LocalDate.parse(from), LocalDate.parse(to), null, null);
    }

    static ObjectLoad loaded(LoadRange range, long lines, boolean done) {
        return ObjectLoad.start(range, OBJECT).advance(lines, done, new Tally());
    }

    private static long millis(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }
}
