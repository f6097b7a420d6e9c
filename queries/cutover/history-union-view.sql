-- History on day one (docs/history.md): the view the dashboards query, answering for every day from the first.
-- Rows before the cutover T come from the Glue job's table, rows from T on from the new pipeline's table, so a
-- request is counted once even where both tables hold it (the Glue job runs until it is stopped; the new table
-- holds its shadow run's days). Replace, everywhere below:
--   datawarehouse.processedaccessrecord   the Glue job's table: its Glue database and table
--   processedaccessrecord_v1              the new table: the serving pipeline version's
--   2026-12-01 00:00:00.000               T, in UTC: from T on the new table is complete and checked
--                                         (local-stack.jar compare, docs/table.md)
-- The record_date conditions repeat T's day so that Athena reads only each table's own side of T.
CREATE OR REPLACE VIEW processedaccessrecord AS
SELECT session_id, "timestamp", user_id, method, request_url, user_agent, host, origin, x_forwarded_for, via,
       thread_id, elapse_ms, success, stack, instance, vm_id, return_object_id, query_string, response_status,
       oauth_client_id, basic_auth_username, auth_method, normalized_method_signature, client, client_version,
       entity_id, record_date
FROM datawarehouse.processedaccessrecord
WHERE "timestamp" < TIMESTAMP '2026-12-01 00:00:00.000'
  AND record_date <= CAST(TIMESTAMP '2026-12-01 00:00:00.000' AS DATE)
UNION ALL
SELECT session_id, "timestamp", user_id, method, request_url, user_agent, host, origin, x_forwarded_for, via,
       thread_id, elapse_ms, success, stack, instance, vm_id, return_object_id, query_string, response_status,
       oauth_client_id, basic_auth_username, auth_method, normalized_method_signature, client, client_version,
       entity_id, record_date
FROM processedaccessrecord_v1
WHERE "timestamp" >= TIMESTAMP '2026-12-01 00:00:00.000'
  AND record_date >= CAST(TIMESTAMP '2026-12-01 00:00:00.000' AS DATE);
