-- Blue/green check (docs/replay.md): where a rule change bites. Calls per day and client in the old and the new
-- version's table over the last 30 complete days, only where they differ. Old = v1, new = v2: replace both.
-- With the year-month-day layout, record_date is an ordinary column: add year/month filters to scan less.
WITH old AS (
    SELECT record_date, client, count(*) AS calls FROM processedaccessrecord_v1
    WHERE record_date >= current_date - INTERVAL '30' DAY AND record_date < current_date
    GROUP BY record_date, client),
new AS (
    SELECT record_date, client, count(*) AS calls FROM processedaccessrecord_v2
    WHERE record_date >= current_date - INTERVAL '30' DAY AND record_date < current_date
    GROUP BY record_date, client)
SELECT coalesce(old.record_date, new.record_date) AS record_date,
       coalesce(old.client, new.client) AS client,
       coalesce(old.calls, 0) AS old_calls,
       coalesce(new.calls, 0) AS new_calls,
       coalesce(new.calls, 0) - coalesce(old.calls, 0) AS difference
FROM old FULL OUTER JOIN new ON old.record_date = new.record_date AND old.client = new.client
WHERE coalesce(old.calls, 0) <> coalesce(new.calls, 0)
ORDER BY record_date, client;
