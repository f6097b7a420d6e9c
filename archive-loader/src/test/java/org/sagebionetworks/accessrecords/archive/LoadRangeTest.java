package org.sagebionetworks.accessrecords.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.sagebionetworks.accessrecords.archive.Tally.Fate;

class LoadRangeTest {

    private static final LoadRange NOVEMBER_END =
            new LoadRange(LocalDate.parse("2023-11-29"), LocalDate.parse("2023-11-30"), null, null);

    @Test
    void readsOneExtraArrivalDayAtEachEndAcrossMonthBoundaries() {
        assertThat(NOVEMBER_END.dayPrefixes("accessRecord/records/"))
                .containsExactly(
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
        LoadRange range = new LoadRange(
                LocalDate.parse("2023-11-29"),
                LocalDate.parse("2023-11-30"),
                null,
                Instant.parse("2023-11-30T12:00:00Z"));

        assertThat(range.judge(millis("2023-11-30T11:59:59.999Z"))).isEqualTo(Fate.PUBLISHED);
        assertThat(range.judge(millis("2023-11-30T12:00:00Z"))).isEqualTo(Fate.AFTER_CUTOVER);
        assertThat(range.judge(millis("2023-12-01T12:00:00Z"))).isEqualTo(Fate.OUTSIDE_RANGE);
    }

    @Test
    void aGapIsFromSinceIncludedToTheCutoverExcluded() {
        LoadRange gap = new LoadRange(
                LocalDate.parse("2023-11-30"),
                LocalDate.parse("2023-11-30"),
                Instant.parse("2023-11-30T10:00:00Z"),
                Instant.parse("2023-11-30T14:00:00Z"));

        assertThat(gap.judge(millis("2023-11-30T09:59:59.999Z"))).isEqualTo(Fate.BEFORE_SINCE);
        assertThat(gap.judge(millis("2023-11-30T10:00:00Z"))).isEqualTo(Fate.PUBLISHED);
        assertThat(gap.judge(millis("2023-11-30T13:59:59.999Z"))).isEqualTo(Fate.PUBLISHED);
        assertThat(gap.judge(millis("2023-11-30T14:00:00Z"))).isEqualTo(Fate.AFTER_CUTOVER);
    }

    @Test
    void rangesThatCannotHoldARecordAreRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(
                        () -> new LoadRange(LocalDate.parse("2023-11-30"), LocalDate.parse("2023-11-29"), null, null));
        Instant two = Instant.parse("2023-11-30T14:00:00Z");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new LoadRange(LocalDate.parse("2023-11-30"), LocalDate.parse("2023-11-30"), two, two))
                .withMessageContaining("--since");
    }

    @Test
    void theWindowIsTheDaysNarrowedBySinceAndCutover() {
        LoadRange gap = new LoadRange(
                LocalDate.parse("2023-11-29"),
                LocalDate.parse("2023-11-30"),
                Instant.parse("2023-11-29T10:00:00Z"),
                Instant.parse("2023-12-05T00:00:00Z"));

        assertThat(NOVEMBER_END.window())
                .isEqualTo(new RequestWindow(millis("2023-11-29T00:00:00Z"), millis("2023-12-01T00:00:00Z")));
        assertThat(gap.window())
                .isEqualTo(new RequestWindow(millis("2023-11-29T10:00:00Z"), millis("2023-12-01T00:00:00Z")));
        assertThat(gap.label())
                .isEqualTo("2023-11-29..2023-11-30 --since 2023-11-29T10:00:00Z " + "--cutover 2023-12-05T00:00:00Z");
    }

    @Test
    void boundsThatLeaveNothingOfTheDaysAreRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new LoadRange(
                        LocalDate.parse("2023-11-29"),
                        LocalDate.parse("2023-11-30"),
                        Instant.parse("2023-12-01T00:00:00Z"),
                        null))
                .withMessageContaining("leave no time");
    }

    private static long millis(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    @Test
    void anOpenEndedRangePublishesEveryRequestTimeFromItsFirstDayOnBeforeTheCutover() {
        LoadRange follow =
                new LoadRange(LocalDate.parse("2023-11-29"), null, null, Instant.parse("2030-01-01T00:00:00Z"));

        assertThat(follow.following()).isTrue();
        assertThat(follow.judge(millis("2023-11-28T23:59:59.999Z"))).isEqualTo(Fate.OUTSIDE_RANGE);
        assertThat(follow.judge(millis("2029-12-31T23:59:59.999Z"))).isEqualTo(Fate.PUBLISHED);
        assertThat(follow.judge(millis("2030-01-01T00:00:00Z"))).isEqualTo(Fate.AFTER_CUTOVER);
        assertThat(new LoadRange(LocalDate.parse("2023-11-29"), null, null, null).judge(Long.MAX_VALUE - 1))
                .isEqualTo(Fate.PUBLISHED);
    }

    @Test
    void aFollowCatchesUpFromTheDayBeforeItsFirstThenPollsTodayAndItsLookBackDays() {
        LoadRange follow = new LoadRange(LocalDate.parse("2023-11-29"), null, null, null);
        FollowSettings settings = new FollowSettings(Duration.ofMinutes(1), 2);
        LocalDate today = LocalDate.parse("2023-12-05");

        assertThat(settings.catchUpFolders("p", follow, today))
                .hasSize(8)
                .startsWith("p/year=2023/month=11/day=28/")
                .endsWith("p/year=2023/month=12/day=05/");
        assertThat(settings.pollFolders("p", follow, today))
                .containsExactly(
                        "p/year=2023/month=12/day=03/", "p/year=2023/month=12/day=04/", "p/year=2023/month=12/day=05/");
        assertThat(settings.pollFolders("p", follow, LocalDate.parse("2023-11-29")))
                .containsExactly("p/year=2023/month=11/day=28/", "p/year=2023/month=11/day=29/");
    }
}
