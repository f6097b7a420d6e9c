package org.sagebionetworks.accessrecords.queries;

import io.trino.sql.parser.ParsingException;
import io.trino.sql.parser.SqlParser;
import java.util.Optional;

/**
 * Whether a statement is valid in the dialect Athena engine 3 speaks, judged by Trino's own parser. DuckDB runs the
 * queries in the tests but accepts more than Athena does ({@code ::} casts, {@code ILIKE}, {@code EXCLUDE}), so a
 * query that passes there can still be refused the day an analyst runs it in Athena.
 */
final class AthenaSyntax {

    /** Line and column count from 1, as Trino reports them. */
    record SyntaxError(int line, int column, String message) {

        @Override
        public String toString() {
            return "line " + line + ", column " + column + ": " + message;
        }
    }

    private static final SqlParser TRINO = new SqlParser();

    private AthenaSyntax() {}

    /**
     * The statement's first syntax error, if any. One semicolon at the end is allowed, as Athena's console and named
     * queries allow it; Trino's parser takes a single statement without it.
     */
    static Optional<SyntaxError> errorIn(String statement) {
        try {
            TRINO.createStatement(withoutFinalSemicolon(statement));
            return Optional.empty();
        } catch (ParsingException e) {
            return Optional.of(new SyntaxError(e.getLineNumber(), e.getColumnNumber(), e.getErrorMessage()));
        }
    }

    private static String withoutFinalSemicolon(String statement) {
        return statement.replaceFirst(";\\s*$", "");
    }
}
