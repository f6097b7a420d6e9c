# redrive (docs/dead-letters.md): a one-shot task of the enricher image that puts chosen dead letters back on the
# raw topic after a fix. Every stack has dead-letter topics, so every stack has the task; it runs only when started
# (the output one_shot_tasks' run_task call plus the command's arguments, docs/deploying.md).
locals {
  redrive_progress_topic = "synapse.accessrecords.redrive.progress"
}

module "redrive" {
  source = "./modules/one-shot-task"

  stack_name         = var.stack_name
  command            = "redrive"
  image              = var.enricher_image
  environment        = local.one_shot_environment
  policy_json        = data.aws_iam_policy_document.redrive.json
  execution_role_arn = aws_iam_role.enricher_execution.arn
  account_id         = local.account_id
  region             = var.region
  cpu                = var.one_shot_cpu
  memory             = var.one_shot_memory
  log_retention_days = var.log_retention_days
  cluster            = aws_ecs_cluster.this.name
  subnet_ids         = var.subnet_ids
  security_group_ids = [aws_security_group.clients.id]
}

# redrive: read a dead-letter topic without a group (the sink's too, so that the command can refuse its letters by
# naming where each row still is); write copies to the raw topic and a record per letter to its compacted progress
# topic, in one transaction whose id is the dead-letter topic's. No S3, no group, no topic deleted or altered.
data "aws_iam_policy_document" "redrive" {
  statement {
    sid       = "Cluster"
    actions   = ["kafka-cluster:Connect", "kafka-cluster:DescribeCluster", "kafka-cluster:WriteDataIdempotently"]
    resources = [aws_msk_cluster.this.arn]
  }

  statement {
    sid     = "DeadLetters"
    actions = ["kafka-cluster:DescribeTopic", "kafka-cluster:ReadData"]
    resources = [
      "${local.kafka_topic_arn}/${local.dead_letter_topic}",
      "${local.kafka_topic_arn}/${local.sink_dead_letter_topic}",
    ]
  }

  statement {
    sid       = "PublishRaw"
    actions   = ["kafka-cluster:DescribeTopic", "kafka-cluster:WriteData"]
    resources = ["${local.kafka_topic_arn}/${local.raw_topic}"]
  }

  statement {
    sid = "Progress"
    actions = [
      "kafka-cluster:CreateTopic", "kafka-cluster:DescribeTopic", "kafka-cluster:ReadData", "kafka-cluster:WriteData",
    ]
    resources = ["${local.kafka_topic_arn}/${local.redrive_progress_topic}"]
  }

  # The transactional id is "synapse-access-records-redrive-" and the dead-letter topic (SharedNames).
  statement {
    sid     = "Transactions"
    actions = ["kafka-cluster:AlterTransactionalId", "kafka-cluster:DescribeTransactionalId"]
    resources = [
      "${local.kafka_transactional_arn}/synapse-access-records-redrive-${local.dead_letter_topic}",
      "${local.kafka_transactional_arn}/synapse-access-records-redrive-${local.sink_dead_letter_topic}",
    ]
  }
}
