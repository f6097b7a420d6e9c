# The daily reconcile (docs/reconcile.md): a one-shot task of the enricher image, started by EventBridge Scheduler,
# that compares yesterday's records in the Firehose archive with the serving version's table and the dead letters.
# Its result line ({"reconcile_result":...,"disagreeing_days":N,...}) becomes a metric through a metric filter on the
# task's log group, so the alarm needs no AWS SDK in the image. Only with archive_bucket: the archive is one side.
locals {
  reconcile_enabled      = local.archive_enabled
  reconcile_table_folder = "${local.lake_topics_dirs[var.pipeline_version]}/${local.pipelines[var.pipeline_version].processed_topic}"
  reconcile_arguments = [
    "--from", "today-1", "--to", "today-1",
    "--bucket", var.archive_bucket, "--prefix", var.archive_prefix,
    "--table-bucket", local.lake_bucket, "--table-prefix", local.reconcile_table_folder,
    "--region", var.region,
  ]
  reconcile_metric_namespace = "SynapseAccessRecords/${var.stack_name}"
}

module "reconcile" {
  source = "./modules/one-shot-task"
  count  = local.reconcile_enabled ? 1 : 0

  stack_name         = var.stack_name
  command            = "reconcile"
  arguments          = local.reconcile_arguments
  image              = var.enricher_image
  environment        = local.one_shot_environment
  policy_json        = data.aws_iam_policy_document.reconcile[0].json
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

# reconcile: read the archive and the serving version's table folder; read the dead-letter topic (no group: it
# commits nothing); decrypt the lake's files where the stack encrypts them.
data "aws_iam_policy_document" "reconcile" {
  count = local.reconcile_enabled ? 1 : 0

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
    sid       = "TableList"
    actions   = ["s3:ListBucket"]
    resources = [local.lake_bucket_arn]
    condition {
      test     = "StringLike"
      variable = "s3:prefix"
      values   = ["${local.reconcile_table_folder}/*"]
    }
  }

  statement {
    sid       = "TableObjects"
    actions   = ["s3:GetObject"]
    resources = ["${local.lake_bucket_arn}/${local.reconcile_table_folder}/*"]
  }

  statement {
    sid       = "Cluster"
    actions   = ["kafka-cluster:Connect", "kafka-cluster:DescribeCluster"]
    resources = [aws_msk_cluster.this.arn]
  }

  statement {
    sid       = "DeadLetters"
    actions   = ["kafka-cluster:DescribeTopic", "kafka-cluster:ReadData"]
    resources = ["${local.kafka_topic_arn}/${local.dead_letter_topic}"]
  }

  dynamic "statement" {
    for_each = local.create_lake_bucket && var.kms_key_arn != null ? [var.kms_key_arn] : []
    content {
      sid       = "LakeKey"
      actions   = ["kms:Decrypt"]
      resources = [statement.value]
    }
  }
}

resource "aws_scheduler_schedule" "reconcile" {
  count = local.reconcile_enabled ? 1 : 0

  name                         = "${var.stack_name}-reconcile"
  description                  = "Reconciles yesterday (UTC): the Firehose archive against the table (docs/reconcile.md)."
  schedule_expression          = var.reconcile_schedule
  schedule_expression_timezone = "UTC"

  flexible_time_window {
    mode = "OFF"
  }

  target {
    arn      = aws_ecs_cluster.this.arn
    role_arn = aws_iam_role.reconcile_scheduler[0].arn

    ecs_parameters {
      task_definition_arn = module.reconcile[0].task_definition_arn
      launch_type         = "FARGATE"

      network_configuration {
        subnets          = var.subnet_ids
        security_groups  = [aws_security_group.clients.id]
        assign_public_ip = false
      }
    }

    retry_policy {
      maximum_retry_attempts = 2
    }
  }
}

# The scheduler's role: start the reconcile task on this cluster and hand it its two roles, nothing else.
resource "aws_iam_role" "reconcile_scheduler" {
  count              = local.reconcile_enabled ? 1 : 0
  name               = "${var.stack_name}-reconcile-scheduler"
  assume_role_policy = data.aws_iam_policy_document.scheduler_assume.json
}

data "aws_iam_policy_document" "scheduler_assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["scheduler.amazonaws.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [local.account_id]
    }
    condition {
      test     = "ArnLike"
      variable = "aws:SourceArn"
      values   = ["arn:aws:scheduler:${var.region}:${local.account_id}:schedule/default/${var.stack_name}-reconcile"]
    }
  }
}

resource "aws_iam_role_policy" "reconcile_scheduler" {
  count  = local.reconcile_enabled ? 1 : 0
  role   = aws_iam_role.reconcile_scheduler[0].id
  policy = data.aws_iam_policy_document.reconcile_scheduler[0].json
}

data "aws_iam_policy_document" "reconcile_scheduler" {
  count = local.reconcile_enabled ? 1 : 0

  statement {
    sid       = "RunReconcile"
    actions   = ["ecs:RunTask"]
    resources = [module.reconcile[0].task_definition_arn]
    condition {
      test     = "ArnEquals"
      variable = "ecs:cluster"
      values   = [aws_ecs_cluster.this.arn]
    }
  }

  statement {
    sid       = "PassTaskRoles"
    actions   = ["iam:PassRole"]
    resources = [module.reconcile[0].role_arn, aws_iam_role.enricher_execution.arn]
  }
}

# The result line as a metric: one data point per run, the number of days that disagree (0 when all agree).
resource "aws_cloudwatch_log_metric_filter" "reconcile" {
  count          = local.reconcile_enabled ? 1 : 0
  name           = "${var.stack_name}-reconcile-disagreeing-days"
  log_group_name = module.reconcile[0].log_group
  pattern        = "{ $.reconcile_result = \"*\" && $.disagreeing_days >= 0 }"

  metric_transformation {
    name      = "ReconcileDisagreeingDays"
    namespace = local.reconcile_metric_namespace
    value     = "$.disagreeing_days"
    unit      = "Count"
  }
}

# A day that disagrees, or a day without a result line (the task did not run, or failed before its end), alarms.
resource "aws_cloudwatch_metric_alarm" "reconcile" {
  count               = local.reconcile_enabled ? 1 : 0
  alarm_name          = "${var.stack_name}-reconcile"
  alarm_description   = "The daily reconcile found records of the Firehose archive missing from the table, or printed no result in a day (docs/reconcile.md)."
  namespace           = local.reconcile_metric_namespace
  metric_name         = "ReconcileDisagreeingDays"
  statistic           = "Maximum"
  period              = 86400
  evaluation_periods  = 1
  comparison_operator = "GreaterThanThreshold"
  threshold           = 0
  treat_missing_data  = "breaching"
  alarm_actions       = var.alarm_actions
  ok_actions          = var.alarm_actions
}

output "reconcile" {
  description = "The daily reconcile (with archive_bucket): when it runs, the arguments its task runs with, where its result lines go and the alarm on them; null without an archive."
  value = local.reconcile_enabled ? {
    schedule  = var.reconcile_schedule
    arguments = local.reconcile_arguments
    log_group = module.reconcile[0].log_group
    metric    = "${local.reconcile_metric_namespace}/ReconcileDisagreeingDays"
    alarm     = aws_cloudwatch_metric_alarm.reconcile[0].alarm_name
  } : null
}
