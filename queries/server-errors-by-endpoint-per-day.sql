-- Every 5xx answer per endpoint and day over the last week, with the share of that endpoint's calls.
SELECT record_date, normalized_method_signature,
       count_if(response_status BETWEEN 500 AND 599) AS server_errors,
       count(*) AS calls
FROM processedaccessrecord
WHERE record_date >= current_date - INTERVAL '7' DAY
GROUP BY 1, 2
HAVING count_if(response_status BETWEEN 500 AND 599) > 0
ORDER BY record_date, server_errors DESC, normalized_method_signature;
