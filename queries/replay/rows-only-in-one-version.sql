-- Blue/green check (docs/replay.md): rows (session_id, timestamp) one version has more often than the other, over
-- the last 7 complete days, at most 100 a side. None after a plain replay; after a rule change, exactly the rows
-- the change added or removed. Old = v1, new = v2: replace both with your versions.
-- With the year-month-day layout, record_date is an ordinary column: add year/month filters to scan less.
SELECT * FROM (
    SELECT 'only in old' AS side, record_date, session_id, "timestamp" FROM (
        SELECT record_date, session_id, "timestamp" FROM processedaccessrecord_v1
        WHERE record_date >= current_date - INTERVAL '7' DAY AND record_date < current_date
        EXCEPT ALL
        SELECT record_date, session_id, "timestamp" FROM processedaccessrecord_v2
        WHERE record_date >= current_date - INTERVAL '7' DAY AND record_date < current_date)
    LIMIT 100)
UNION ALL
SELECT * FROM (
    SELECT 'only in new' AS side, record_date, session_id, "timestamp" FROM (
        SELECT record_date, session_id, "timestamp" FROM processedaccessrecord_v2
        WHERE record_date >= current_date - INTERVAL '7' DAY AND record_date < current_date
        EXCEPT ALL
        SELECT record_date, session_id, "timestamp" FROM processedaccessrecord_v1
        WHERE record_date >= current_date - INTERVAL '7' DAY AND record_date < current_date)
    LIMIT 100)
ORDER BY side, record_date, "timestamp", session_id;
