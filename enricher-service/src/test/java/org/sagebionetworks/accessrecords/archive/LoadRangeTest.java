package org.sagebionetworks.accessrecords.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.sagebionetworks.accessrecords.archive.Tally.Fate;

class LoadRangeTest {

    private static final LoadRange NOVEMBER_END = new LoadRange(LocalDate.parse("2023-11-29"),
            LocalDate.parse("2023-11-30"), null, null);

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
        assertThat(NOVEMBER_END.judge(millis("2023-11-28T23:59:59.999Z"))).isEqualTo(Fate.OUTSIDE_RANGE);
        assertThat(NOVEMBER_END.judge(millis("2023-11-29T00:00:00Z"))).isEqualTo(Fate.PUBLISHED);
        assertThat(NOVEMBER_END.judge(millis("2023-11-30T23:59:59.999Z"))).isEqualTo(Fate.PUBLISHED);
        assertThat(NOVEMBER_END.judge(millis("2023-12-01T00:00:00Z"))).isEqualTo(Fate.OUTSIDE_RANGE);
    }

    @Test
    void theCutoverItselfBelongsToTheLiveStream() {
        LoadRange range = new LoadRange(LocalDate.parse("2023-11-29"), LocalDate.parse("2023-11-30"), null,
                Instant.parse("2023-11-30T12:00:00Z"));

        assertThat(range.judge(millis("2023-11-30T11:59:59.999Z"))).isEqualTo(Fate.PUBLISHED);
        assertThat(range.judge(millis("2023-11-30T12:00:00Z"))).isEqualTo(Fate.AFTER_CUTOVER);
        assertThat(range.judge(millis("2023-12-01T12:00:00Z"))).isEqualTo(Fate.OUTSIDE_RANGE);
    }

    @Test
    void aGapIsFromSinceIncludedToTheCutoverExcluded() {
        LoadRange gap = new LoadRange(LocalDate.parse("2023-11-30"), LocalDate.parse("2023-11-30"),
                Instant.parse("2023-11-30T10:00:00Z"), Instant.parse("2023-11-30T14:00:00Z"));

        assertThat(gap.judge(millis("2023-11-30T09:59:59.999Z"))).isEqualTo(Fate.BEFORE_SINCE);
        assertThat(gap.judge(millis("2023-11-30T10:00:00Z"))).isEqualTo(Fate.PUBLISHED);
        assertThat(gap.judge(millis("2023-11-30T13:59:59.999Z"))).isEqualTo(Fate.PUBLISHED);
        assertThat(gap.judge(millis("2023-11-30T14:00:00Z"))).isEqualTo(Fate.AFTER_CUTOVER);
    }

    @Test
    void rangesThatCannotHoldARecordAreRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new LoadRange(LocalDate.parse("2023-11-30"),
                LocalDate.parse("2023-11-29"), null, null));
        Instant two = Instant.parse("2023-11-30T14:00:00Z");
        assertThatIllegalArgumentException().isThrownBy(() -> new LoadRange(LocalDate.parse("2023-11-30"),
                LocalDate.parse("2023-11-30"), two, two)).withMessageContaining("--since");
    }

    @Test
    void progressKeysNameTheRangeSoAnotherRangeReadsTheSameObjectAgain() {
        ArchiveObject december1 = new ArchiveObject("b", "p/year=2023/month=12/day=01/x.gz", 10, "e");
        LoadRange december = new LoadRange(LocalDate.parse("2023-12-01"), LocalDate.parse("2023-12-31"), null, null);

        assertThat(ObjectProgress.key(NOVEMBER_END, december1)).isNotEqualTo(ObjectProgress.key(december, december1))
                .startsWith("2023-11-29..2023-11-30 s3://b/");
    }

    @Test
    void progressSurvivesItsJsonForm() {
        Tally tally = new Tally();
        for (Fate fate : Fate.values()) {
            tally.set(fate, fate.ordinal() + 1);
        }
        ObjectProgress progress = ObjectProgress.start(new ArchiveObject("b", "k", 10, "\"etag\""), NOVEMBER_END)
                .advance(tally.lines(), false, tally);

        ObjectProgress read = ObjectProgress.fromJson(progress.toJson());

        assertThat(read.object()).isEqualTo("s3://b/k");
        assertThat(read.lines()).isEqualTo(15);
        assertThat(read.done()).isFalse();
        for (Fate fate : Fate.values()) {
            assertThat(read.tally().get(fate)).as(fate.name()).isEqualTo(fate.ordinal() + 1);
        }
        assertThat(read.since()).isNull();
        assertThat(read.cutover()).isNull();
    }

    private static long millis(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }
}
