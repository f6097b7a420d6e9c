# The dead-letter archive: one S3 sink on MSK Connect reads every dead-letter topic (the service's and the loader's,
# and the table sinks') and writes each letter, key, bytes and headers, as one gzipped JSON line under
# <lake_prefix>/dead-letters/<topic>/dead_letter_date=YYYY-MM-dd/, through our DeadLetterEnvelope transform, which
# the stack's one plugin zip carries (sink.tf); its configuration is connect-config/dead-letter-archive.json
# (docs/dead-letters.md).
locals {
  dead_letter_archive = {
    connector_name = "${var.stack_name}-dead-letter-archive"
    topics         = [local.dead_letter_topic, local.sink_dead_letter_topic]
    archive_dir    = "${local.lake_folder}dead-letters"
  }
  dead_letter_archive_group    = "connect-${local.dead_letter_archive.connector_name}"
  dead_letter_archive_location = "s3://${local.lake_bucket}/${local.dead_letter_archive.archive_dir}/"
  dead_letter_table_name       = "dead_letters"
}

resource "aws_cloudwatch_log_group" "dead_letter_archive" {
  name              = "/${var.stack_name}/connect/${local.dead_letter_archive.connector_name}"
  retention_in_days = var.log_retention_days
}

# Dead letters are few, so one MCU and one worker, not autoscaled (docs/cost.md).
resource "aws_mskconnect_connector" "dead_letter_archive" {
  name                 = local.dead_letter_archive.connector_name
  kafkaconnect_version = var.kafkaconnect_version

  connector_configuration = jsondecode(templatefile("${path.module}/../connect-config/dead-letter-archive.json", {
    connector_name              = local.dead_letter_archive.connector_name
    dead_letter_topics          = join(",", local.dead_letter_archive.topics)
    lake_bucket                 = local.lake_bucket
    region                      = var.region
    archive_dir                 = local.dead_letter_archive.archive_dir
    flush_size                  = var.dead_letter_archive_flush_size
    rotate_schedule_interval_ms = var.dead_letter_archive_rotate_schedule_interval_ms
  }))

  capacity {
    provisioned_capacity {
      mcu_count    = 1
      worker_count = 1
    }
  }

  kafka_cluster {
    apache_kafka_cluster {
      bootstrap_servers = aws_msk_cluster.this.bootstrap_brokers_sasl_iam
      vpc {
        security_groups = [aws_security_group.clients.id]
        subnets         = var.subnet_ids
      }
    }
  }

  kafka_cluster_client_authentication {
    authentication_type = "IAM"
  }

  kafka_cluster_encryption_in_transit {
    encryption_type = "TLS"
  }

  plugin {
    custom_plugin {
      arn      = aws_mskconnect_custom_plugin.s3_sink.arn
      revision = aws_mskconnect_custom_plugin.s3_sink.latest_revision
    }
  }

  log_delivery {
    worker_log_delivery {
      cloudwatch_logs {
        enabled   = true
        log_group = aws_cloudwatch_log_group.dead_letter_archive.name
      }
    }
  }

  service_execution_role_arn = aws_iam_role.dead_letter_archive.arn
}

# As the table sinks' roles (sink.tf): assumable by MSK Connect for this connector only.
resource "aws_iam_role" "dead_letter_archive" {
  name               = "${local.dead_letter_archive.connector_name}-connector"
  assume_role_policy = data.aws_iam_policy_document.dead_letter_archive_assume.json
}

data "aws_iam_policy_document" "dead_letter_archive_assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["kafkaconnect.amazonaws.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [local.account_id]
    }
    condition {
      test     = "ArnLike"
      variable = "aws:SourceArn"
      values   = ["arn:aws:kafkaconnect:${var.region}:${local.account_id}:connector/${local.dead_letter_archive.connector_name}/*"]
    }
  }
}

resource "aws_iam_role_policy" "dead_letter_archive" {
  role   = aws_iam_role.dead_letter_archive.id
  policy = data.aws_iam_policy_document.dead_letter_archive.json
}

# Reads the dead-letter topics with its own group and writes objects only under the archive's folder; it writes no
# topic (errors.tolerance=none: a letter it cannot archive stops it).
data "aws_iam_policy_document" "dead_letter_archive" {
  statement {
    sid       = "Cluster"
    actions   = ["kafka-cluster:Connect", "kafka-cluster:DescribeCluster"]
    resources = [aws_msk_cluster.this.arn]
  }

  statement {
    sid       = "ReadDeadLetters"
    actions   = ["kafka-cluster:DescribeTopic", "kafka-cluster:ReadData"]
    resources = ["${local.kafka_topic_arn}/${local.dead_letter_topic}", "${local.kafka_topic_arn}/${local.sink_dead_letter_topic}"]
  }

  # MSK Connect keeps its own offsets, configs and status in __amazon_msk_connect_* topics and groups.
  statement {
    sid = "ConnectInternals"
    actions = [
      "kafka-cluster:CreateTopic", "kafka-cluster:DescribeTopic", "kafka-cluster:ReadData", "kafka-cluster:WriteData",
      "kafka-cluster:AlterGroup", "kafka-cluster:DescribeGroup",
    ]
    resources = [
      "${local.kafka_topic_arn}/__amazon_msk_connect_*",
      "${local.kafka_group_arn}/__amazon_msk_connect_*",
    ]
  }

  statement {
    sid       = "ArchiveGroup"
    actions   = ["kafka-cluster:AlterGroup", "kafka-cluster:DescribeGroup"]
    resources = ["${local.kafka_group_arn}/${local.dead_letter_archive_group}"]
  }

  # As for the table sinks: listing only under its folder (the start-up bucket check's denial reads as "exists").
  statement {
    sid       = "LakeList"
    actions   = ["s3:ListBucket"]
    resources = [local.lake_bucket_arn]
    condition {
      test     = "StringLike"
      variable = "s3:prefix"
      values   = ["${local.dead_letter_archive.archive_dir}/*"]
    }
  }

  statement {
    sid       = "LakeBucket"
    actions   = ["s3:GetBucketLocation", "s3:ListBucketMultipartUploads"]
    resources = [local.lake_bucket_arn]
  }

  dynamic "statement" {
    for_each = local.create_lake_bucket && var.kms_key_arn != null ? [var.kms_key_arn] : []
    content {
      sid       = "LakeKey"
      actions   = ["kms:GenerateDataKey", "kms:Decrypt"]
      resources = [statement.value]
    }
  }

  statement {
    sid       = "LakeObjects"
    actions   = ["s3:PutObject", "s3:GetObject", "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts"]
    resources = ["${local.lake_bucket_arn}/${local.dead_letter_archive.archive_dir}/*"]
  }
}

# The archive commits a file after rotate_schedule_interval_ms of wall-clock time, so more than three of those
# behind means it is stuck or stopped (errors.tolerance=none stops it on a letter it cannot archive).
resource "aws_cloudwatch_metric_alarm" "dead_letter_archive_lag" {
  for_each            = toset(local.dead_letter_archive.topics)
  alarm_name          = "${local.dead_letter_archive.connector_name}-lag-${each.key}"
  alarm_description   = "The dead-letter archive ${local.dead_letter_archive.connector_name} is more than three rotation intervals behind ${each.key}: read its log group, docs/dead-letters.md."
  namespace           = "AWS/Kafka"
  metric_name         = "EstimatedMaxTimeLag"
  statistic           = "Maximum"
  period              = local.alarm_period_seconds
  evaluation_periods  = 3
  comparison_operator = "GreaterThanThreshold"
  threshold           = 3 * var.dead_letter_archive_rotate_schedule_interval_ms / 1000
  treat_missing_data  = "notBreaching"
  alarm_actions       = var.alarm_actions
  ok_actions          = var.alarm_actions

  dimensions = {
    "Cluster Name"   = aws_msk_cluster.this.cluster_name
    "Consumer Group" = local.dead_letter_archive_group
    "Topic"          = each.key
  }
}

# The archive's table: JSON lines, a folder per dead-letter topic and per day, both projected, so no partition
# is ever registered. Its columns are schemas' DeadLetterColumns (DeadLetterTableTest checks them).
resource "aws_glue_catalog_table" "dead_letters" {
  name          = local.dead_letter_table_name
  database_name = local.glue_database
  table_type    = "EXTERNAL_TABLE"
  description   = "Every dead letter of the pipeline, one row per letter (a restarted archive may write a letter twice: count distinct topic, kafka_partition, kafka_offset), written by ${local.dead_letter_archive.connector_name}."

  parameters = {
    "EXTERNAL"                                  = "TRUE"
    "classification"                            = "json"
    "compressionType"                           = "gzip"
    "projection.enabled"                        = "true"
    "projection.dead_letter_topic.type"         = "enum"
    "projection.dead_letter_topic.values"       = join(",", local.dead_letter_archive.topics)
    "projection.dead_letter_date.type"          = "date"
    "projection.dead_letter_date.range"         = "2024-01-01,NOW"
    "projection.dead_letter_date.format"        = "yyyy-MM-dd"
    "projection.dead_letter_date.interval"      = "1"
    "projection.dead_letter_date.interval.unit" = "DAYS"
    "storage.location.template"                 = "${local.dead_letter_archive_location}$${dead_letter_topic}/dead_letter_date=$${dead_letter_date}"
  }

  partition_keys {
    name    = "dead_letter_topic"
    type    = "string"
    comment = "The dead-letter topic's folder; the same as topic."
  }

  partition_keys {
    name    = "dead_letter_date"
    type    = "date"
    comment = "The UTC day the letter was dead-lettered."
  }

  storage_descriptor {
    location      = local.dead_letter_archive_location
    input_format  = "org.apache.hadoop.mapred.TextInputFormat"
    output_format = "org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat"

    ser_de_info {
      serialization_library = "org.openx.data.jsonserde.JsonSerDe"
    }

    # Name and Glue type of each of DeadLetterColumns.ALL, in its order.
    dynamic "columns" {
      for_each = [
        ["topic", "string"],
        ["kafka_partition", "int"],
        ["kafka_offset", "bigint"],
        ["dead_lettered_at", "bigint"],
        ["key", "string"],
        ["key_base64", "string"],
        ["value", "string"],
        ["value_base64", "string"],
        ["headers", "map<string,string>"],
        ["headers_base64", "map<string,string>"],
        ["reason", "string"],
      ]
      content {
        name = columns.value[0]
        type = columns.value[1]
      }
    }
  }
}

resource "aws_athena_named_query" "dead_letters" {
  for_each  = fileset("${path.module}/../queries/dead-letters", "*.sql")
  name      = "dead-letters-${trimsuffix(each.value, ".sql")}"
  workgroup = aws_athena_workgroup.this.name
  database  = local.glue_database
  query     = file("${path.module}/../queries/dead-letters/${each.value}")
}
