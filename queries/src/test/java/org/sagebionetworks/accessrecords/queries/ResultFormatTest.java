package org.sagebionetworks.accessrecords.queries;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The three ways an answer is printed. */
class ResultFormatTest {

    private static final QueryResult ANSWER = new QueryResult(List.of("client", "calls", "day"), List.of(
            Arrays.asList("PYTHON", 1234L, Date.valueOf(LocalDate.of(2023, 11, 14))),
            Arrays.asList("WEB, \"new\"", 5L, null)));

    @Test
    void aTableAlignsColumnsAndRightAlignsNumbers() {
        assertThat(ResultFormat.TABLE.render(ANSWER)).isEqualTo("""
                client      calls  day
                ----------  -----  ----------
                PYTHON       1234  2023-11-14
                WEB, "new"      5  null
                (2 rows)
                """);
    }

    @Test
    void csvQuotesWhatNeedsQuotingAndLeavesNullEmpty() {
        assertThat(ResultFormat.CSV.render(ANSWER)).isEqualTo("""
                client,calls,day
                PYTHON,1234,2023-11-14
                "WEB, ""new\""",5,
                """);
    }

    @Test
    void jsonIsOneObjectPerRow() {
        assertThat(ResultFormat.JSON.render(ANSWER)).isEqualTo("""
                {"client":"PYTHON","calls":"1234","day":"2023-11-14"}
                {"client":"WEB, \\"new\\"","calls":"5","day":null}
                """);
    }

    @Test
    void wholeDoublesLoseTheirFractionButOthersKeepIt() {
        assertThat(QueryResult.text(42.0)).isEqualTo("42");
        assertThat(QueryResult.text(0.25)).isEqualTo("0.25");
    }
}
