package org.sagebionetworks.accessrecords.queries;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The three ways an answer is printed. */
class ResultFormatTest {

    private static final QueryResult ANSWER = new QueryResult(
            List.of("client", "calls", "day"),
            List.of(
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

    /** A URL may carry any text, escape sequences included; the table shows them, the terminal never runs them. */
    private static final QueryResult CONTROLS = new QueryResult(
            List.of("normalized_method_signature", "calls"),
            List.of(Arrays.asList("GET /2fa/\u001b[31mred\u009b2J", 3L), Arrays.asList("tab\there\nnext\u007f", 1L)));

    @Test
    void aTableShowsControlCharactersAsEscapesAndStaysAligned() {
        assertThat(ResultFormat.TABLE.render(CONTROLS)).isEqualTo("""
                normalized_method_signature     calls
                ------------------------------  -----
                GET /2fa/\\u001B[31mred\\u009B2J      3
                tab\\u0009here\\u000Anext\\u007F       1
                (2 rows)
                """);
    }

    @Test
    void jsonEscapesEveryControlCharacterAndKeepsTheValue() throws IOException {
        String json = ResultFormat.JSON.render(CONTROLS);

        assertThat(json).doesNotContain("\u001b", "\u009b", "\u007f", "\t");
        try (JsonParser parser = new JsonFactory().createParser(json)) {
            assertThat(parser.nextToken()).isEqualTo(JsonToken.START_OBJECT);
            assertThat(parser.nextFieldName()).isEqualTo("normalized_method_signature");
            assertThat(parser.nextTextValue()).isEqualTo("GET /2fa/\u001b[31mred\u009b2J");
        }
    }

    @Test
    void csvCarriesValuesExactlyForTheProgramsThatReadIt() {
        assertThat(ResultFormat.CSV.render(CONTROLS)).contains("GET /2fa/\u001b[31mred\u009b2J");
    }

    @Test
    void wholeDoublesLoseTheirFractionButOthersKeepIt() {
        assertThat(QueryResult.text(42.0)).isEqualTo("42");
        assertThat(QueryResult.text(0.25)).isEqualTo("0.25");
    }
}
