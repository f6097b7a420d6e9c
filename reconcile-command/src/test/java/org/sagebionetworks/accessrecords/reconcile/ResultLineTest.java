package org.sagebionetworks.accessrecords.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The result line is a contract with Terraform's metric filter (docs/reconcile.md): its exact form. */
class ResultLineTest {

    private static final LocalDate DAY = LocalDate.of(2023, 11, 14);

    @Test
    void aDisagreementCountsItsDaysKeysAndGaps() {
        Reconciliation result = reconciliation(new DayCounts(DAY, 7, 6, 4, 4, 2, 0), false);

        assertThat(JsonReport.resultLine(result))
                .isEqualTo("{\"reconcile_result\":\"disagree\",\"from\":\"2023-11-14\",\"to\":\"2023-11-14\","
                        + "\"strict\":false,\"disagreeing_days\":1,\"missing_keys\":2,\"table_only_keys\":0,\"gaps\":1,"
                        + "\"dead_letters\":3,\"dead_letters_without_time\":4,"
                        + "\"archive_invalid_lines_without_time\":5}");
    }

    @Test
    void rowsOnlyTheTableHoldsDisagreeOnlyWhenStrict() {
        DayCounts publisherOnly = new DayCounts(DAY, 1, 1, 2, 2, 0, 1);

        assertThat(JsonReport.resultLine(reconciliation(publisherOnly, false)))
                .startsWith("{\"reconcile_result\":\"agree\"");
        assertThat(JsonReport.resultLine(reconciliation(publisherOnly, true)))
                .startsWith("{\"reconcile_result\":\"disagree\"");
    }

    private static Reconciliation reconciliation(DayCounts counts, boolean strict) {
        return new Reconciliation(
                new RecordDays(DAY, DAY),
                strict,
                List.of(new DayResult(counts, 0, 3)),
                List.of(new Gap(DAY, 0, 1, 2)),
                4,
                5);
    }
}
