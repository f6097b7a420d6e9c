package org.sagebionetworks.accessrecords.queries.compare;

import static org.sagebionetworks.accessrecords.queries.compare.ComparedColumns.SESSION_ID;
import static org.sagebionetworks.accessrecords.queries.compare.ComparedColumns.TIMESTAMP_MILLIS;

import org.sagebionetworks.accessrecords.queries.compare.ComparedColumns.Column;

/**
 * The SQL of the one table a comparison reads: each row of either side beside its twin on the other, matched by
 * key and, for a key a side holds more than once, by copy number. A row without a twin has nulls for the other
 * side's columns and {@code in_glue} or {@code in_new} false.
 */
final class PairedRows {

    static final String TABLE = "pairs";
    static final String COPY = "copy";
    static final String IN_GLUE = "in_glue";
    static final String IN_NEW = "in_new";
    static final String ON_BOTH_SIDES = IN_GLUE + " AND " + IN_NEW;
    static final String ONLY_IN_GLUE = IN_GLUE + " AND NOT " + IN_NEW;
    static final String ONLY_IN_NEW = IN_NEW + " AND NOT " + IN_GLUE;

    private PairedRows() {}

    /** Creates the table from the rows of each side (see {@link ComparedColumns#select}). */
    static String create(String glueRows, String newRows) {
        return "CREATE TEMP TABLE " + TABLE + " AS WITH glue AS (" + numbered(glueRows) + "), fresh AS ("
                + numbered(newRows) + ") SELECT coalesce(glue." + SESSION_ID + ", fresh." + SESSION_ID + ") AS "
                + SESSION_ID + ", coalesce(glue." + TIMESTAMP_MILLIS + ", fresh." + TIMESTAMP_MILLIS + ") AS "
                + TIMESTAMP_MILLIS + ", coalesce(glue." + COPY + ", fresh." + COPY + ") AS " + COPY + ", glue." + COPY
                + " IS NOT NULL AS " + IN_GLUE + ", fresh." + COPY + " IS NOT NULL AS " + IN_NEW + ", "
                + ComparedColumns.each(column -> "glue." + column.quoted() + " AS " + glue(column) + ", fresh."
                        + column.quoted() + " AS " + fresh(column))
                + " FROM glue FULL OUTER JOIN fresh ON glue." + SESSION_ID + " IS NOT DISTINCT FROM fresh." + SESSION_ID
                + " AND glue." + TIMESTAMP_MILLIS + " IS NOT DISTINCT FROM fresh." + TIMESTAMP_MILLIS + " AND glue."
                + COPY + " = fresh." + COPY;
    }

    /** The Glue job's value of a column in the paired table. */
    static String glue(Column column) {
        return "\"glue_" + column.name() + "\"";
    }

    /** The new table's value of a column in the paired table. */
    static String fresh(Column column) {
        return "\"new_" + column.name() + "\"";
    }

    /** Where a pair's values of a column differ (null against a value included). */
    static String differs(Column column) {
        return glue(column) + " IS DISTINCT FROM " + fresh(column);
    }

    /**
     * Copies of a key numbered in the order of their values, so that identical copies pair up whatever order the
     * files hold them in.
     */
    private static String numbered(String rows) {
        return "SELECT *, row_number() OVER (PARTITION BY " + SESSION_ID + ", " + TIMESTAMP_MILLIS + " ORDER BY "
                + ComparedColumns.each(Column::quoted) + ") AS " + COPY + " FROM (" + rows + ")";
    }
}
