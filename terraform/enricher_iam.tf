# What Kafka Streams with exactly_once_v2 does on MSK with IAM: join the cluster, read raw (and the version's
# history topic), write processed, serving and dead letters (every version may write the serving topic: which one
# does, for which record times, is serving_windows' decision, validated so that windows never overlap) (creating them when missing and reading their
# max.message.bytes, as the service does at startup), own its internal changelog and repartition topics, its
# consumer group and its transactional ids, all named after the application.id.
data "aws_iam_policy_document" "enricher" {
  for_each = local.pipelines

  statement {
    sid       = "Cluster"
    actions   = ["kafka-cluster:Connect", "kafka-cluster:DescribeCluster", "kafka-cluster:WriteDataIdempotently"]
    resources = [aws_msk_cluster.this.arn]
  }

  statement {
    sid = "ReadRaw"
    actions = [
      "kafka-cluster:CreateTopic", "kafka-cluster:DescribeTopic", "kafka-cluster:DescribeTopicDynamicConfiguration",
      "kafka-cluster:ReadData",
    ]
    resources = ["${local.kafka_topic_arn}/${local.raw_topic}"]
  }

  # Only read: the version's history is loaded by load-archive, and the topic created by replay (docs/replay.md).
  statement {
    sid       = "ReadHistory"
    actions   = ["kafka-cluster:DescribeTopic", "kafka-cluster:ReadData"]
    resources = ["${local.kafka_topic_arn}/${each.value.history_topic}"]
  }

  statement {
    sid = "WriteOutputs"
    actions = [
      "kafka-cluster:CreateTopic", "kafka-cluster:DescribeTopic", "kafka-cluster:DescribeTopicDynamicConfiguration",
      "kafka-cluster:WriteData",
    ]
    resources = [
      "${local.kafka_topic_arn}/${each.value.processed_topic}",
      "${local.kafka_topic_arn}/${local.dead_letter_topic}",
      "${local.kafka_topic_arn}/${local.serving_topic}",
    ]
  }

  # DeleteTopic is Kafka's DELETE on a topic, which its DeleteRecords API needs: at startup the service cuts from
  # its dedup changelog the sightings a record stamped far in the future left there (see FutureSightingsTrim).
  statement {
    sid = "InternalTopics"
    actions = [
      "kafka-cluster:CreateTopic", "kafka-cluster:DescribeTopic", "kafka-cluster:AlterTopic",
      "kafka-cluster:DescribeTopicDynamicConfiguration", "kafka-cluster:ReadData", "kafka-cluster:WriteData",
      "kafka-cluster:DeleteTopic",
    ]
    resources = ["${local.kafka_topic_arn}/${each.value.application_id}-*"]
  }

  statement {
    sid       = "ConsumerGroup"
    actions   = ["kafka-cluster:AlterGroup", "kafka-cluster:DescribeGroup"]
    resources = ["${local.kafka_group_arn}/${each.value.application_id}"]
  }

  # How far the tables are behind (docs/service.md#freshness): the version's sink group's committed offsets, and
  # the first row after them, read without a group. Describe only: the enricher must not move a sink's offsets.
  statement {
    sid       = "SinkProgress"
    actions   = ["kafka-cluster:DescribeGroup"]
    resources = ["${local.kafka_group_arn}/${local.sink_groups[each.key]}"]
  }

  statement {
    sid       = "ReadTableTopics"
    actions   = ["kafka-cluster:DescribeTopic", "kafka-cluster:ReadData"]
    resources = ["${local.kafka_topic_arn}/${each.value.processed_topic}", "${local.kafka_topic_arn}/${local.serving_topic}"]
  }

  # The serving sink's progress, for a version with a serving window.
  dynamic "statement" {
    for_each = local.serving_sink_group[each.key] == null ? [] : [local.serving_sink_group[each.key]]
    content {
      sid       = "ServingSinkProgress"
      actions   = ["kafka-cluster:DescribeGroup"]
      resources = ["${local.kafka_group_arn}/${statement.value}"]
    }
  }

  statement {
    sid       = "Transactions"
    actions   = ["kafka-cluster:AlterTransactionalId", "kafka-cluster:DescribeTransactionalId"]
    resources = ["${local.kafka_transactional_arn}/${each.value.application_id}-*"]
  }
}
