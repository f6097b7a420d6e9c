-- Rows present more than once (same session_id and timestamp, the legacy warehouse's natural key) in one version's
-- table over the last 30 complete days. The service drops a duplicate that arrives within the dedup horizon (24 h
-- of event time); what shows here came later than that: a late producer retry, or an archive load overlapping the
-- live stream outside the horizon (docs/archive-loader.md). Version = v2: replace it with yours.
-- With the year-month-day layout, record_date is an ordinary column: add year/month filters to scan less.
SELECT record_date, session_id, "timestamp", count(*) AS copies
FROM processedaccessrecord_v2
WHERE record_date >= current_date - INTERVAL '30' DAY AND record_date < current_date
GROUP BY record_date, session_id, "timestamp"
HAVING count(*) > 1
ORDER BY copies DESC, record_date, session_id
LIMIT 100;
