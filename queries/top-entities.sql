-- The most requested entities over the last 30 days, with how many distinct users asked.
SELECT entity_id, count(*) AS calls, count(DISTINCT user_id) AS users
FROM processedaccessrecord
WHERE record_date >= current_date - INTERVAL '30' DAY AND entity_id IS NOT NULL
GROUP BY entity_id
ORDER BY calls DESC, entity_id
LIMIT 20;
