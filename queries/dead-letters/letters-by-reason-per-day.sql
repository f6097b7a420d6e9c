-- Dead letters of the last 30 days by day, topic and reason. Each letter counts once: it is identified by its
-- topic, partition and offset, and an archive connector restarted between two wall-clock rotations may write a
-- letter into two files.
SELECT dead_letter_date, topic, reason, count(*) AS letters
FROM (
    SELECT DISTINCT topic, kafka_partition, kafka_offset, reason, dead_letter_date
    FROM dead_letters
    WHERE dead_letter_date >= current_date - INTERVAL '30' DAY
)
GROUP BY dead_letter_date, topic, reason
ORDER BY dead_letter_date, topic, reason
