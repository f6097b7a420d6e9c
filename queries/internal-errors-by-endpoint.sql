-- Endpoints answering 500 over the last week.
SELECT normalized_method_signature, count(*) AS errors
FROM processedaccessrecord
WHERE record_date >= current_date - INTERVAL '7' DAY AND response_status = 500
GROUP BY 1
ORDER BY 2 DESC, 1;
