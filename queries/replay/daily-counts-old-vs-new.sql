-- Blue/green check (docs/replay.md): rows per day in the old version's table and in the new one's, over the last
-- 30 complete days, with the difference. After a replay without a rule change every difference is 0; days before
-- a replay's --from are only in the old table. Old = v1, new = v2: replace both with your versions.
-- With the year-month-day layout, record_date is an ordinary column: add year/month filters to scan less.
WITH old AS (
    SELECT record_date, count(*) AS rows_count FROM processedaccessrecord_v1
    WHERE record_date >= current_date - INTERVAL '30' DAY AND record_date < current_date
    GROUP BY record_date),
new AS (
    SELECT record_date, count(*) AS rows_count FROM processedaccessrecord_v2
    WHERE record_date >= current_date - INTERVAL '30' DAY AND record_date < current_date
    GROUP BY record_date)
SELECT coalesce(old.record_date, new.record_date) AS record_date,
       coalesce(old.rows_count, 0) AS old_rows,
       coalesce(new.rows_count, 0) AS new_rows,
       coalesce(new.rows_count, 0) - coalesce(old.rows_count, 0) AS difference
FROM old FULL OUTER JOIN new ON old.record_date = new.record_date
ORDER BY record_date;
