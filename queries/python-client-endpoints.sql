-- Which endpoints the Python client calls, most first.
SELECT normalized_method_signature, count(*) AS calls
FROM processedaccessrecord
WHERE record_date > DATE '2023-09-01' AND client = 'PYTHON'
GROUP BY 1
ORDER BY calls DESC, normalized_method_signature;
