-- Endpoints by mean latency over the last week, among those called at least five times.
SELECT normalized_method_signature, count(*) AS calls,
       CAST(round(avg(elapse_ms)) AS bigint) AS mean_elapse_ms, max(elapse_ms) AS max_elapse_ms
FROM processedaccessrecord
WHERE record_date >= current_date - INTERVAL '7' DAY AND elapse_ms IS NOT NULL
GROUP BY 1
HAVING count(*) >= 5
ORDER BY mean_elapse_ms DESC, normalized_method_signature
LIMIT 20;
