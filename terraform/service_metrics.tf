# The enricher's own metrics: it writes them as CloudWatch embedded-metric-format lines to stdout, which the
# awslogs driver ships to its log group, where CloudWatch extracts them (docs/service.md, "Metrics in CloudWatch").
# The metric names are those of /prometheus, declared in schemas/ ServiceMetricNames (the plan tests check each
# alarm's and the dashboard's names against it). Each stack has a namespace of its own, so two stacks in one
# account do not add up; every metric carries the version's ApplicationId, dead letters their reason too.
locals {
  metrics_namespace = "SynapseAccessRecords/${var.stack_name}"

  # raw-validation's RejectionReason, the error.class of the service's dead letters.
  dead_letter_reasons = ["TOO_LARGE", "MALFORMED_JSON", "MISSING_FIELD", "WRONG_TYPE", "ABSURD_VALUE", "ENRICHMENT_FAILED"]

  # Each version measures its own sink and, with a serving window, the serving sink: "v1/serving" => ["v1", "serving"].
  own_table_freshness             = { for v in keys(local.pipelines) : join("/", [v, v]) => [v, v] }
  serving_table_freshness         = { for v in keys(local.pipelines) : join("/", [v, "serving"]) => [v, "serving"] if local.serving_sink_group[v] != null }
  table_freshness                 = merge(local.own_table_freshness, local.serving_table_freshness)
  table_pending_age_alarm_seconds = coalesce(var.table_pending_age_alarm_seconds, 3 * var.sink_rotate_interval_ms / 1000)

  # "v1/TOO_LARGE" => ["v1", "TOO_LARGE"]
  dead_letter_reason_alarms = { for pair in setproduct(keys(local.pipelines), local.dead_letter_reasons) : join("/", pair) => pair }
}

resource "aws_cloudwatch_metric_alarm" "enricher_dead_letters_by_reason" {
  for_each            = local.dead_letter_reason_alarms
  alarm_name          = "${var.stack_name}-${local.pipelines[each.value[0]].application_id}-dead-letters-${each.value[1]}"
  alarm_description   = "${local.pipelines[each.value[0]].application_id} dead-lettered raw records as ${each.value[1]}: read their error.message headers on ${local.dead_letter_topic}."
  namespace           = local.metrics_namespace
  metric_name         = "access_records_dead_lettered_total"
  statistic           = "Sum"
  period              = local.alarm_period_seconds
  evaluation_periods  = 1
  comparison_operator = "GreaterThanThreshold"
  threshold           = var.dead_letters_per_second * local.alarm_period_seconds
  treat_missing_data  = "notBreaching"
  alarm_actions       = var.alarm_actions
  ok_actions          = var.alarm_actions

  dimensions = {
    ApplicationId = local.pipelines[each.value[0]].application_id
    reason        = each.value[1]
  }
}

# Late records were older than the dedup horizon when they came: emitted unchecked for duplicates.
resource "aws_cloudwatch_metric_alarm" "enricher_late_records" {
  for_each            = local.pipelines
  alarm_name          = "${var.stack_name}-${each.value.application_id}-late-records"
  alarm_description   = "${each.value.application_id} emitted records older than its dedup horizon without a duplicate check."
  namespace           = local.metrics_namespace
  metric_name         = "access_records_late_total"
  statistic           = "Sum"
  period              = local.alarm_period_seconds
  evaluation_periods  = 1
  comparison_operator = "GreaterThanThreshold"
  threshold           = var.late_records_alarm_threshold
  treat_missing_data  = "notBreaching"
  alarm_actions       = var.alarm_actions
  ok_actions          = var.alarm_actions
  dimensions          = { ApplicationId = each.value.application_id }
}

# A topic refused a record: the stream thread dies at it; the log names the topic, the record and the fix.
resource "aws_cloudwatch_metric_alarm" "enricher_production_errors" {
  for_each            = local.pipelines
  alarm_name          = "${var.stack_name}-${each.value.application_id}-production-errors"
  alarm_description   = "A topic refused a record of ${each.value.application_id}; it stops at that record. Its log says which and why."
  namespace           = local.metrics_namespace
  metric_name         = "access_records_production_errors_total"
  statistic           = "Sum"
  period              = 60
  evaluation_periods  = 1
  comparison_operator = "GreaterThanThreshold"
  threshold           = 0
  treat_missing_data  = "notBreaching"
  alarm_actions       = var.alarm_actions
  ok_actions          = var.alarm_actions
  dimensions          = { ApplicationId = each.value.application_id }
}

# The task's own view of Kafka Streams, the lowest over its tasks; no line at all (no task writing) breaches too.
# A new task is not ready while it restores the dedup store, hence several minutes before the alarm fires.
resource "aws_cloudwatch_metric_alarm" "enricher_streams_down" {
  for_each            = local.pipelines
  alarm_name          = "${var.stack_name}-${each.value.application_id}-streams-down"
  alarm_description   = "Kafka Streams of ${each.value.application_id} has not been RUNNING for ${var.streams_down_alarm_minutes} minutes: its health details and log say why."
  namespace           = local.metrics_namespace
  metric_name         = "access_records_streams_up"
  statistic           = "Minimum"
  period              = 60
  evaluation_periods  = var.streams_down_alarm_minutes
  comparison_operator = "LessThanThreshold"
  threshold           = 1
  treat_missing_data  = "breaching"
  alarm_actions       = var.alarm_actions
  ok_actions          = var.alarm_actions
  dimensions          = { ApplicationId = each.value.application_id }
}

# Negative lag: the newest processed record is stamped after now. Records further ahead than the service's clock-skew
# tolerance are dead-lettered (ABSURD_VALUE); this sees a producer's clock running ahead by less than that.
resource "aws_cloudwatch_metric_alarm" "enricher_clock_ahead" {
  for_each            = local.pipelines
  alarm_name          = "${var.stack_name}-${each.value.application_id}-clock-ahead"
  alarm_description   = "${each.value.application_id} processed a record stamped more than ${var.clock_ahead_alarm_seconds} s in the future: a producer's clock runs ahead."
  namespace           = local.metrics_namespace
  metric_name         = "access_records_event_time_lag_seconds"
  statistic           = "Minimum"
  period              = 60
  evaluation_periods  = 1
  comparison_operator = "LessThanThreshold"
  threshold           = -1 * var.clock_ahead_alarm_seconds
  treat_missing_data  = "notBreaching"
  alarm_actions       = var.alarm_actions
  ok_actions          = var.alarm_actions
  dimensions          = { ApplicationId = each.value.application_id }
}

# Freshness on the service's side: the newest row it wrote is this old. Synapse never goes quiet for that long, so
# it means the publisher, the raw topic or the service is stuck; the sink adds its own delay (sink_lag).
resource "aws_cloudwatch_metric_alarm" "enricher_event_time_lag" {
  for_each            = local.pipelines
  alarm_name          = "${var.stack_name}-${each.value.application_id}-event-time-lag"
  alarm_description   = "The newest record ${each.value.application_id} processed is more than ${var.event_time_lag_alarm_seconds} s old."
  namespace           = local.metrics_namespace
  metric_name         = "access_records_event_time_lag_seconds"
  statistic           = "Maximum"
  period              = local.alarm_period_seconds
  evaluation_periods  = 2
  comparison_operator = "GreaterThanThreshold"
  threshold           = var.event_time_lag_alarm_seconds
  treat_missing_data  = "notBreaching"
  alarm_actions       = var.alarm_actions
  ok_actions          = var.alarm_actions
  dimensions          = { ApplicationId = each.value.application_id }
}

# Freshness on the table's side: the oldest row a sink has read but not committed to S3 is this old. A busy partition
# commits within a rotation interval; a quiet one holds its tail open until its next record, and this is the alarm
# that says so. No data means the service cannot measure it (no such group, no permission, no task): breaching,
# since a table whose freshness is unknown is not known to be fresh.
resource "aws_cloudwatch_metric_alarm" "enricher_table_pending_age" {
  for_each            = local.table_freshness
  alarm_name          = "${var.stack_name}-${local.pipelines[each.value[0]].application_id}-table-pending-age-${each.value[1]}"
  alarm_description   = "${local.sinks[each.value[1]].connector_name} has held a row of ${local.sinks[each.value[1]].topic} uncommitted for more than ${local.table_pending_age_alarm_seconds} s, as ${local.pipelines[each.value[0]].application_id} measures it: a quiet partition's open file, or a stuck sink."
  namespace           = local.metrics_namespace
  metric_name         = "access_records_table_pending_age_seconds"
  statistic           = "Maximum"
  period              = local.alarm_period_seconds
  evaluation_periods  = 2
  comparison_operator = "GreaterThanThreshold"
  threshold           = local.table_pending_age_alarm_seconds
  treat_missing_data  = "breaching"
  alarm_actions       = var.alarm_actions
  ok_actions          = var.alarm_actions

  dimensions = {
    ApplicationId = local.pipelines[each.value[0]].application_id
    sink          = local.sink_groups[each.value[1]]
  }
}
