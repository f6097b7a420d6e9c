-- Worst latency per stack instance per hour over the last two weeks.
SELECT date_trunc('hour', "timestamp") AS bin, instance, max(elapse_ms) AS max_elapse_ms
FROM processedaccessrecord
WHERE record_date >= current_date - INTERVAL '14' DAY
GROUP BY 1, 2
ORDER BY bin, instance;
