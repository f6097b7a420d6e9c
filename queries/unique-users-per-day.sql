-- Distinct signed-in users per day over the last 30 days; anonymous calls (user 273950) counted apart.
SELECT record_date,
       count(DISTINCT user_id) FILTER (WHERE user_id <> 273950) AS users,
       count_if(user_id = 273950) AS anonymous_calls
FROM processedaccessrecord
WHERE record_date >= current_date - INTERVAL '30' DAY
GROUP BY record_date
ORDER BY record_date;
