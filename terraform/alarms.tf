# MSK publishes consumer lag per consumer group and topic (AWS/Kafka); the enricher's group is its
# application.id, the sink's is connect-<connector name>.
locals {
  alarm_period_seconds = 300
  dead_letter_topics = {
    enricher = local.dead_letter_topic
    sink     = local.sink_dead_letter_topic
  }
  broker_ids = range(1, var.broker_count + 1)
}

resource "aws_cloudwatch_metric_alarm" "enricher_lag" {
  for_each            = local.pipelines
  alarm_name          = "${var.stack_name}-${each.value.application_id}-lag"
  alarm_description   = "The enricher ${each.value.application_id} is more than ${var.enricher_max_offset_lag} raw records behind."
  namespace           = "AWS/Kafka"
  metric_name         = "SumOffsetLag"
  statistic           = "Maximum"
  period              = local.alarm_period_seconds
  evaluation_periods  = 3
  comparison_operator = "GreaterThanThreshold"
  threshold           = var.enricher_max_offset_lag
  treat_missing_data  = "notBreaching"
  alarm_actions       = var.alarm_actions
  ok_actions          = var.alarm_actions

  dimensions = {
    "Cluster Name"   = aws_msk_cluster.this.cluster_name
    "Consumer Group" = each.value.application_id
    "Topic"          = local.raw_topic
  }
}

# The sink holds a file open for up to rotate.interval.ms of record time before committing, so its lag is
# judged in time, against a few rotation intervals.
resource "aws_cloudwatch_metric_alarm" "sink_lag" {
  for_each            = local.sinks
  alarm_name          = "${each.value.connector_name}-lag"
  alarm_description   = "The S3 sink ${each.value.connector_name} is more than three rotation intervals behind the processed topic."
  namespace           = "AWS/Kafka"
  metric_name         = "EstimatedMaxTimeLag"
  statistic           = "Maximum"
  period              = local.alarm_period_seconds
  evaluation_periods  = 3
  comparison_operator = "GreaterThanThreshold"
  threshold           = 3 * var.sink_rotate_interval_ms / 1000
  treat_missing_data  = "notBreaching"
  alarm_actions       = var.alarm_actions
  ok_actions          = var.alarm_actions

  dimensions = {
    "Cluster Name"   = aws_msk_cluster.this.cluster_name
    "Consumer Group" = local.sink_groups[each.key]
    "Topic"          = each.value.topic
  }
}

# Fewer running tasks than desired for three minutes: tasks failing their readiness check are being replaced,
# or cannot start. Missing data means no task reports at all.
resource "aws_cloudwatch_metric_alarm" "enricher_unhealthy" {
  for_each            = local.pipelines
  alarm_name          = "${var.stack_name}-${each.value.application_id}-not-healthy"
  alarm_description   = "Fewer than ${var.enricher_desired_count} healthy ${each.value.application_id} tasks are running."
  namespace           = "ECS/ContainerInsights"
  metric_name         = "RunningTaskCount"
  statistic           = "Minimum"
  period              = 60
  evaluation_periods  = 3
  comparison_operator = "LessThanThreshold"
  threshold           = var.enricher_desired_count
  treat_missing_data  = "breaching"
  alarm_actions       = var.alarm_actions
  ok_actions          = var.alarm_actions

  dimensions = {
    ClusterName = aws_ecs_cluster.this.name
    ServiceName = aws_ecs_service.enricher[each.key].name
  }
}

# Per-topic traffic is published per broker, so the alarm adds the brokers up.
resource "aws_cloudwatch_metric_alarm" "dead_letters" {
  for_each            = local.dead_letter_topics
  alarm_name          = "${var.stack_name}-${each.key}-dead-letters"
  alarm_description   = "Records are arriving on ${each.value}: read their error headers."
  evaluation_periods  = 1
  comparison_operator = "GreaterThanThreshold"
  threshold           = var.dead_letters_per_second
  treat_missing_data  = "notBreaching"
  alarm_actions       = var.alarm_actions
  ok_actions          = var.alarm_actions

  metric_query {
    id          = "total"
    expression  = "SUM([${join(",", [for id in local.broker_ids : "broker${id}"])}])"
    label       = "${each.value} messages per second"
    return_data = true
  }

  dynamic "metric_query" {
    for_each = local.broker_ids
    content {
      id = "broker${metric_query.value}"
      metric {
        namespace   = "AWS/Kafka"
        metric_name = "MessagesInPerSec"
        period      = local.alarm_period_seconds
        stat        = "Maximum"
        dimensions = {
          "Cluster Name" = aws_msk_cluster.this.cluster_name
          "Broker ID"    = tostring(metric_query.value)
          "Topic"        = each.value
        }
      }
    }
  }
}

# The fullest broker's data disk: past the threshold, storage autoscaling has reached broker_volume_max_gib or
# cannot keep up, and a full disk stops the broker taking writes.
resource "aws_cloudwatch_metric_alarm" "broker_disk" {
  alarm_name          = "${var.stack_name}-broker-disk"
  alarm_description   = "A broker's data disk is more than ${var.broker_disk_used_alarm_percent} % full: raise broker_volume_max_gib or shorten retention."
  evaluation_periods  = 2
  comparison_operator = "GreaterThanThreshold"
  threshold           = var.broker_disk_used_alarm_percent
  treat_missing_data  = "notBreaching"
  alarm_actions       = var.alarm_actions
  ok_actions          = var.alarm_actions

  metric_query {
    id          = "fullest"
    expression  = "MAX([${join(",", [for id in local.broker_ids : "disk${id}"])}])"
    label       = "fullest broker data disk, percent"
    return_data = true
  }

  dynamic "metric_query" {
    for_each = local.broker_ids
    content {
      id = "disk${metric_query.value}"
      metric {
        namespace   = "AWS/Kafka"
        metric_name = "KafkaDataLogsDiskUsed"
        period      = local.alarm_period_seconds
        stat        = "Maximum"
        dimensions = {
          "Cluster Name" = aws_msk_cluster.this.cluster_name
          "Broker ID"    = tostring(metric_query.value)
        }
      }
    }
  }
}
