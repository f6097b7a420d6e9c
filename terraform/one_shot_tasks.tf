# The commands that run to their end, each a one-shot ECS task of the enricher-service image with a role of its
# own (modules/one-shot-task): load-archive (docs/archive-loader.md) and replay (docs/replay.md) here, reconcile and
# redrive in their own files. Start one with the output one_shot_tasks' run_task call plus the command's arguments
# (docs/deploying.md).
locals {
  archive_enabled = var.archive_bucket != null
  archive_folder  = "${var.archive_prefix}/"

  # Transactional ids, like topics, are named under the cluster ARN (local.kafka_transactional_arn).
  loader_transactional_ids = "${local.kafka_transactional_arn}/synapse-access-records-archive-loader-*"
  progress_topic           = "synapse.accessrecords.archive-loader.progress"

  # replay may reset the versions that do not serve: those running beside pipeline_version, and the next one,
  # which replay prepares before the apply that starts it. Never the serving version.
  version_numbers      = sort([for v in local.pipeline_versions : format("%09d", tonumber(trimprefix(v, "v")))])
  highest_version      = element(reverse(local.version_numbers), 0)
  next_version         = format("v%d", tonumber(local.highest_version) + 1)
  replay_version_names = concat(tolist(setsubtract(local.pipeline_versions, [var.pipeline_version])), [local.next_version])
  replay_versions = { for replay in [for v in local.replay_version_names : {
    version         = v
    application_id  = "synapse-access-records-${v}"
    processed_topic = "synapse.accessrecords.processed.${v}"
    history_topic   = "synapse.accessrecords.history.${v}"
    lake_folder     = "${local.lake_folder}processed/${v}"
  }] : replay.version => replay }

  one_shot_tasks = merge({ replay = module.replay, redrive = module.redrive }, local.archive_enabled ? { load_archive = module.load_archive[0], reconcile = module.reconcile[0] } : {})

  one_shot_environment = {
    KAFKA_BOOTSTRAP_SERVERS                  = aws_msk_cluster.this.bootstrap_brokers_sasl_iam
    ACCESS_RECORDS_MSK_IAM                   = "true"
    ACCESS_RECORDS_TOPICS_RAW                = local.raw_topic
    ACCESS_RECORDS_TOPICS_DEAD_LETTER        = local.dead_letter_topic
    ACCESS_RECORDS_TOPICS_REPLICATION_FACTOR = tostring(local.replication_factor)
  }
}

module "load_archive" {
  source = "./modules/one-shot-task"
  count  = local.archive_enabled ? 1 : 0

  stack_name         = var.stack_name
  command            = "load-archive"
  image              = var.enricher_image
  environment        = local.one_shot_environment
  policy_json        = data.aws_iam_policy_document.load_archive[0].json
  execution_role_arn = aws_iam_role.enricher_execution.arn
  account_id         = local.account_id
  region             = var.region
  cpu                = var.one_shot_cpu
  memory             = var.one_shot_memory
  log_retention_days = var.log_retention_days
  cluster            = aws_ecs_cluster.this.name
  subnet_ids         = var.subnet_ids
  security_group_ids = [aws_security_group.clients.id]

  # load-archive --follow as a service, with the task's role: it reads and writes what a one-shot load does.
  service_arguments = var.archive_follow ? [
    "--bucket", var.archive_bucket, "--prefix", var.archive_prefix, "--region", var.region,
    "--follow", "--from", var.archive_follow_from,
  ] : null
}

module "replay" {
  source = "./modules/one-shot-task"

  stack_name         = var.stack_name
  command            = "replay"
  image              = var.enricher_image
  environment        = local.one_shot_environment
  policy_json        = data.aws_iam_policy_document.replay.json
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

# load-archive: list and read the Firehose archive under its prefix; publish to the raw topic (checking its
# retention first) and dead letters; keep its progress topic; one transactional id per archive. With a history
# version, the same on that version's history topic and its progress topic (docs/replay.md).
data "aws_iam_policy_document" "load_archive" {
  count = local.archive_enabled ? 1 : 0

  statement {
    sid       = "ArchiveList"
    actions   = ["s3:ListBucket"]
    resources = ["arn:aws:s3:::${var.archive_bucket}"]
    condition {
      test     = "StringLike"
      variable = "s3:prefix"
      values   = ["${local.archive_folder}*"]
    }
  }

  statement {
    sid       = "ArchiveObjects"
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::${var.archive_bucket}/${local.archive_folder}*"]
  }

  statement {
    sid       = "Cluster"
    actions   = ["kafka-cluster:Connect", "kafka-cluster:DescribeCluster", "kafka-cluster:WriteDataIdempotently"]
    resources = [aws_msk_cluster.this.arn]
  }

  statement {
    sid = "PublishRaw"
    actions = [
      "kafka-cluster:DescribeTopic", "kafka-cluster:DescribeTopicDynamicConfiguration", "kafka-cluster:WriteData",
    ]
    resources = ["${local.kafka_topic_arn}/${local.raw_topic}"]
  }

  statement {
    sid       = "DeadLetters"
    actions   = ["kafka-cluster:DescribeTopic", "kafka-cluster:WriteData"]
    resources = ["${local.kafka_topic_arn}/${local.dead_letter_topic}"]
  }

  statement {
    sid = "Progress"
    actions = [
      "kafka-cluster:CreateTopic", "kafka-cluster:DescribeTopic", "kafka-cluster:ReadData", "kafka-cluster:WriteData",
    ]
    resources = ["${local.kafka_topic_arn}/${local.progress_topic}"]
  }

  statement {
    sid       = "Transactions"
    actions   = ["kafka-cluster:AlterTransactionalId", "kafka-cluster:DescribeTransactionalId"]
    resources = [local.loader_transactional_ids]
  }

  dynamic "statement" {
    # A history version's topic, and its progress topic: the names replay --history-topic prints for the load.
    for_each = toset(var.history_pipeline_versions)
    content {
      sid = "History${upper(statement.key)}"
      actions = [
        "kafka-cluster:CreateTopic", "kafka-cluster:DescribeTopic", "kafka-cluster:DescribeTopicDynamicConfiguration",
        "kafka-cluster:ReadData", "kafka-cluster:WriteData",
      ]
      resources = [
        format("%s/synapse.accessrecords.history.%s", local.kafka_topic_arn, statement.value),
        format("%s/synapse.accessrecords.history.%s.progress", local.kafka_topic_arn, statement.value),
      ]
    }
  }
}

# replay: read the raw topic's offsets and retention; per version it may reset, look at and move its group's
# offsets (committing an offset is a read of the topic), delete its internal and processed topics, create and
# position its history topic; list its folder of the lake for the "ever written" check.
data "aws_iam_policy_document" "replay" {
  statement {
    sid       = "Cluster"
    actions   = ["kafka-cluster:Connect", "kafka-cluster:DescribeCluster"]
    resources = [aws_msk_cluster.this.arn]
  }

  statement {
    sid = "Raw"
    actions = [
      "kafka-cluster:DescribeTopic", "kafka-cluster:DescribeTopicDynamicConfiguration", "kafka-cluster:ReadData",
    ]
    resources = ["${local.kafka_topic_arn}/${local.raw_topic}"]
  }

  dynamic "statement" {
    for_each = local.replay_versions
    content {
      sid = "Reset${upper(statement.key)}"
      actions = [
        "kafka-cluster:CreateTopic", "kafka-cluster:DescribeTopic", "kafka-cluster:DeleteTopic",
        "kafka-cluster:ReadData", "kafka-cluster:AlterGroup", "kafka-cluster:DescribeGroup",
      ]
      resources = [
        "${local.kafka_topic_arn}/${statement.value.application_id}-*",
        "${local.kafka_topic_arn}/${statement.value.processed_topic}",
        "${local.kafka_topic_arn}/${statement.value.history_topic}",
        "${local.kafka_group_arn}/${statement.value.application_id}",
      ]
    }
  }

  statement {
    sid       = "LakeFolders"
    actions   = ["s3:ListBucket"]
    resources = [local.lake_bucket_arn]
    condition {
      test     = "StringLike"
      variable = "s3:prefix"
      values   = [for v in local.replay_versions : "${v.lake_folder}/*"]
    }
  }
}

output "one_shot_tasks" {
  description = "Per one-shot command (replay, redrive; load-archive and reconcile when archive_bucket is set): its task definition, role, log group and the aws ecs run-task call that starts it."
  value = { for command, task in local.one_shot_tasks : command => {
    task_definition_arn = task.task_definition_arn
    role_name           = task.role_name
    log_group           = task.log_group
    run_task            = task.run_task
  } }
}

output "archive_follow_service" {
  description = "The ECS service running load-archive --follow (archive_follow) and its container's command; null without it. It logs to the load-archive task's log group."
  value       = local.archive_enabled ? module.load_archive[0].service : null
}
