package org.sagebionetworks.accessrecords.reconcile;

/** The SQL that compares the archive's keys with the table's: each key counts once on each side. */
final class KeyQueries {

    private static final String DISTINCT_KEYS =
            "archive AS (SELECT DISTINCT record_date, session_id, ts FROM archive_keys), "
                    + "tbl AS (SELECT DISTINCT record_date, session_id, ts FROM table_keys)";

    /**
     * The archive's keys missing from the table, as runs of consecutive keys in time order with no key of the table
     * between them: each run is one window load-archive can publish with --since and --cutover without republishing
     * a row the table holds.
     */
    static final String GAPS = "WITH " + DISTINCT_KEYS + ", marked AS (SELECT a.record_date, a.session_id, a.ts, "
            + "t.session_id IS NOT NULL AS present FROM archive a LEFT JOIN tbl t USING (record_date, session_id, ts)), "
            + "runs AS (SELECT *, count(*) FILTER (WHERE present) OVER (PARTITION BY record_date ORDER BY ts, "
            + "session_id ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS run FROM marked) "
            + "SELECT record_date, min(ts), max(ts), count(*) FROM runs WHERE NOT present "
            + "GROUP BY record_date, run ORDER BY record_date, min(ts)";

    private KeyQueries() {}

    /** One row per day of {@code days}: valid lines, keys and the table's rows and keys, and each side's extra keys. */
    static String countsPerDay(RecordDays days) {
        return "WITH " + DISTINCT_KEYS + ", "
                + "days AS (SELECT CAST(d AS DATE) AS record_date FROM range(DATE '" + days.from() + "', DATE '"
                + days.to().plusDays(1) + "', INTERVAL 1 DAY) AS r(d)), "
                + "archive_lines AS (SELECT record_date, count(*) AS n FROM archive_keys GROUP BY 1), "
                + "archive_count AS (SELECT record_date, count(*) AS n FROM archive GROUP BY 1), "
                + "table_rows AS (SELECT record_date, count(*) AS n FROM table_keys GROUP BY 1), "
                + "table_count AS (SELECT record_date, count(*) AS n FROM tbl GROUP BY 1), "
                + "missing AS (SELECT record_date, count(*) AS n FROM (SELECT * FROM archive ANTI JOIN tbl "
                + "USING (record_date, session_id, ts)) GROUP BY 1), "
                + "table_only AS (SELECT record_date, count(*) AS n FROM (SELECT * FROM tbl ANTI JOIN archive "
                + "USING (record_date, session_id, ts)) GROUP BY 1) "
                + "SELECT days.record_date, coalesce(archive_lines.n, 0), coalesce(archive_count.n, 0), "
                + "coalesce(table_rows.n, 0), coalesce(table_count.n, 0), coalesce(missing.n, 0), "
                + "coalesce(table_only.n, 0) FROM days "
                + "LEFT JOIN archive_lines USING (record_date) LEFT JOIN archive_count USING (record_date) "
                + "LEFT JOIN table_rows USING (record_date) LEFT JOIN table_count USING (record_date) "
                + "LEFT JOIN missing USING (record_date) LEFT JOIN table_only USING (record_date) "
                + "ORDER BY days.record_date";
    }
}
