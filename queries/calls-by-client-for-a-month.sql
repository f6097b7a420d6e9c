-- Calls and distinct users per client for one month (the "clients" dashboard).
SELECT client, count(*) AS calls, count(DISTINCT user_id) AS users
FROM processedaccessrecord
WHERE record_date BETWEEN DATE '2023-08-01' AND DATE '2023-08-31'
GROUP BY client
ORDER BY calls DESC, client;
