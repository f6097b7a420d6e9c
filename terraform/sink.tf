# Confluent's S3 sink on MSK Connect, one connector per pipeline version and the serving sink (local.sinks). Its
# configuration is connect-config/
# s3-sink.json rendered with the same variable names SinkConnectorConfig uses, plus the layout's path.format;
# MSK Connect's worker configuration only takes listed keys, so client overrides live in s3-sink.json.
resource "aws_mskconnect_custom_plugin" "s3_sink" {
  name         = "${var.stack_name}-confluent-s3-sink"
  content_type = "ZIP"

  location {
    s3 {
      bucket_arn = aws_s3_bucket.this["plugins"].arn
      file_key   = var.sink_plugin_zip_key
    }
  }

  depends_on = [aws_s3_object.sink_plugin]
}

resource "aws_cloudwatch_log_group" "sink" {
  for_each          = local.sinks
  name              = "/${var.stack_name}/connect/${each.value.connector_name}"
  retention_in_days = var.log_retention_days
}

resource "aws_mskconnect_connector" "s3_sink" {
  for_each             = local.sinks
  name                 = each.value.connector_name
  kafkaconnect_version = var.kafkaconnect_version

  connector_configuration = jsondecode(templatefile("${path.module}/../connect-config/s3-sink.json", {
    connector_name         = each.value.connector_name
    tasks_max              = var.sink_tasks_max
    processed_topic        = each.value.topic
    lake_bucket            = local.lake_bucket
    region                 = var.region
    topics_dir             = each.value.topics_dir
    path_format            = each.value.path_format
    flush_size             = var.sink_flush_size
    rotate_interval_ms     = var.sink_rotate_interval_ms
    sink_dead_letter_topic = local.sink_dead_letter_topic
    replication_factor     = local.replication_factor
  }))

  capacity {
    autoscaling {
      mcu_count        = var.connector_mcu_count
      min_worker_count = var.connector_min_workers
      max_worker_count = var.connector_max_workers
      scale_in_policy {
        cpu_utilization_percentage = 20
      }
      scale_out_policy {
        cpu_utilization_percentage = 75
      }
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
        log_group = aws_cloudwatch_log_group.sink[each.key].name
      }
    }
  }

  service_execution_role_arn = aws_iam_role.sink[each.key].arn
}

# MSK Connect assumes a sink's role only for that connector of this account (confused-deputy protection); the
# connector's ARN ends in a UUID, hence the wildcard after its name.
resource "aws_iam_role" "sink" {
  for_each           = local.sinks
  name               = "${each.value.connector_name}-connector"
  assume_role_policy = data.aws_iam_policy_document.sink_assume[each.key].json
}

data "aws_iam_policy_document" "sink_assume" {
  for_each = local.sinks

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
      values   = ["arn:aws:kafkaconnect:${var.region}:${local.account_id}:connector/${each.value.connector_name}/*"]
    }
  }
}

resource "aws_iam_role_policy" "sink" {
  for_each = local.sinks
  role     = aws_iam_role.sink[each.key].id
  policy   = data.aws_iam_policy_document.sink[each.key].json
}

data "aws_iam_policy_document" "sink" {
  for_each = local.sinks

  statement {
    sid       = "Cluster"
    actions   = ["kafka-cluster:Connect", "kafka-cluster:DescribeCluster"]
    resources = [aws_msk_cluster.this.arn]
  }

  statement {
    sid       = "ReadProcessed"
    actions   = ["kafka-cluster:DescribeTopic", "kafka-cluster:ReadData"]
    resources = ["${local.kafka_topic_arn}/${each.value.topic}"]
  }

  statement {
    sid     = "WriteDeadLetters"
    actions = ["kafka-cluster:CreateTopic", "kafka-cluster:DescribeTopic", "kafka-cluster:WriteData"]
    resources = [
      "${local.kafka_topic_arn}/${local.sink_dead_letter_topic}",
    ]
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
    sid       = "SinkGroup"
    actions   = ["kafka-cluster:AlterGroup", "kafka-cluster:DescribeGroup"]
    resources = ["${local.kafka_group_arn}/${local.sink_groups[each.key]}"]
  }

  # Listing only under the sink's own folder. The sink's start-up check that the bucket exists (HeadBucket, or
  # GetBucketAcl in older releases, authorized as s3:ListBucket without a prefix) is denied by this condition, and
  # the AWS SDK counts a denial as "exists" (only 404 means missing), so the check still passes (docs/deploying.md).
  statement {
    sid       = "LakeList"
    actions   = ["s3:ListBucket"]
    resources = [local.lake_bucket_arn]
    condition {
      test     = "StringLike"
      variable = "s3:prefix"
      values   = ["${each.value.topics_dir}/${each.value.topic}/*"]
    }
  }

  # Neither names a key prefix: the bucket's region, and the multipart uploads in progress (key names only).
  statement {
    sid       = "LakeBucket"
    actions   = ["s3:GetBucketLocation", "s3:ListBucketMultipartUploads"]
    resources = [local.lake_bucket_arn]
  }

  # A lake the stack creates is encrypted with kms_key_arn when one is named.
  dynamic "statement" {
    for_each = local.create_lake_bucket && var.kms_key_arn != null ? [var.kms_key_arn] : []
    content {
      sid       = "LakeKey"
      actions   = ["kms:GenerateDataKey", "kms:Decrypt"]
      resources = [statement.value]
    }
  }

  # Objects only in the sink's own folder (<topics.dir>/<topic>/, under lake_prefix for a version): never the other
  # tables of a shared bucket, nor the other files of the serving folder's database.
  statement {
    sid       = "LakeObjects"
    actions   = ["s3:PutObject", "s3:GetObject", "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts"]
    resources = ["${local.lake_bucket_arn}/${each.value.topics_dir}/${each.value.topic}/*"]
  }
}
