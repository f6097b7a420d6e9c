-- Daily calls per client over the last 30 days.
SELECT record_date, client, count(*) AS calls
FROM processedaccessrecord
WHERE record_date >= current_date - INTERVAL '30' DAY
GROUP BY 1, 2
ORDER BY record_date, calls DESC, client;
