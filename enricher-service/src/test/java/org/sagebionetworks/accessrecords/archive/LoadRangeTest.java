package org.sagebionetworks.accessrecords.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.sagebionetworks.accessrecords.archive.LoadRange.Verdict;

class LoadRangeTest {

    private static final LoadRange NOVEMBER_END = new LoadRange(LocalDate.parse("2023-11-29"),
            LocalDate.parse("2023-11-30"), null);

    @Test
    void readsOneExtraArrivalDayAtEachEndAcrossMonthBoundaries() {
        assertThat(NOVEMBER_END.dayPrefixes("accessRecord/records/")).containsExactly(
                "accessRecord/records/year=2023/month=11/day=28/",
                "accessRecord/records/year=2023/month=11/day=29/",
                "accessRecord/records/year=2023/month=11/day=30/",
                "accessRecord/records/year=2023/month=12/day=01/");
        assertThat(NOVEMBER_END.dayPrefixes("").get(0)).isEqualTo("year=2023/month=11/day=28/");
    }

    @Test
    void publishesTheRequestDaysOnlyFromTheFirstMillisecondToTheLast() {
        assertThat(NOVEMBER_END.judge(millis("2023-11-28T23:59:59.999Z"))).isEqualTo(Verdict.OUTSIDE_RANGE);
        assertThat(NOVEMBER_END.judge(millis("2023-11-29T00:00:00Z"))).isEqualTo(Verdict.PUBLISH);
        assertThat(NOVEMBER_END.judge(millis("2023-11-30T23:59:59.999Z"))).isEqualTo(Verdict.PUBLISH);
        assertThat(NOVEMBER_END.judge(millis("2023-12-01T00:00:00Z"))).isEqualTo(Verdict.OUTSIDE_RANGE);
    }

    @Test
    void theCutoverItselfBelongsToTheLiveStream() {
        LoadRange range = new LoadRange(LocalDate.parse("2023-11-29"), LocalDate.parse("2023-11-30"),
                Instant.parse("2023-11-30T12:00:00Z"));

        assertThat(range.judge(millis("2023-11-30T11:59:59.999Z"))).isEqualTo(Verdict.PUBLISH);
        assertThat(range.judge(millis("2023-11-30T12:00:00Z"))).isEqualTo(Verdict.AFTER_CUTOVER);
        assertThat(range.judge(millis("2023-12-01T12:00:00Z"))).isEqualTo(Verdict.OUTSIDE_RANGE);
    }

    @Test
    void aRangeEndingBeforeItStartsIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new LoadRange(LocalDate.parse("2023-11-30"),
                LocalDate.parse("2023-11-29"), null));
    }

    @Test
    void progressKeysNameTheRangeSoAnotherRangeReadsTheSameObjectAgain() {
        ArchiveObject december1 = new ArchiveObject("b", "p/year=2023/month=12/day=01/x.gz", 10, "e");
        LoadRange december = new LoadRange(LocalDate.parse("2023-12-01"), LocalDate.parse("2023-12-31"), null);

        assertThat(ObjectProgress.key(NOVEMBER_END, december1)).isNotEqualTo(ObjectProgress.key(december, december1))
                .startsWith("2023-11-29..2023-11-30 s3://b/");
    }

    @Test
    void progressSurvivesItsJsonForm() {
        ObjectProgress progress = ObjectProgress.start(new ArchiveObject("b", "k", 10, "\"etag\""), NOVEMBER_END)
                .advance(7, false, tally(3, 1, 2, 1));

        ObjectProgress read = ObjectProgress.fromJson(progress.toJson());

        assertThat(read.object()).isEqualTo("s3://b/k");
        assertThat(read.lines()).isEqualTo(7);
        assertThat(read.done()).isFalse();
        assertThat(read.tally().lines()).isEqualTo(7);
        assertThat(read.tally().get(Tally.Fate.OUTSIDE_RANGE)).isEqualTo(2);
        assertThat(read.cutover()).isNull();
    }

    private static Tally tally(long published, long deadLettered, long outside, long afterCutover) {
        return new Tally(published, deadLettered, outside, afterCutover);
    }

    private static long millis(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }
}
