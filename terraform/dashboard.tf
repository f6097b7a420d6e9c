# One dashboard per stack: a row per pipeline version from its own metrics (service_metrics.tf), then the lags MSK
# publishes. Dead letters are drawn by reason with a search, so a reason shows up as soon as it is first counted.
locals {
  dashboard_version_rows = [for v, p in local.pipelines : [
    {
      type   = "metric"
      width  = 6
      height = 6
      properties = {
        title  = "${p.application_id}: records per 5 minutes"
        region = var.region
        stat   = "Sum"
        period = local.alarm_period_seconds
        view   = "timeSeries"
        metrics = [for name in ["access_records_in_total", "access_records_out_total", "access_records_duplicates_dropped_total", "access_records_late_total"] :
          [local.metrics_namespace, name, "ApplicationId", p.application_id]
        ]
      }
    },
    {
      type   = "metric"
      width  = 6
      height = 6
      properties = {
        title  = "${p.application_id}: dead letters by reason"
        region = var.region
        view   = "timeSeries"
        metrics = [[{
          id         = "reasons"
          expression = "SEARCH('{${local.metrics_namespace},ApplicationId,reason} MetricName=\"access_records_dead_lettered_total\" ApplicationId=\"${p.application_id}\"', 'Sum', ${local.alarm_period_seconds})"
        }]]
      }
    },
    {
      type   = "metric"
      width  = 6
      height = 6
      properties = {
        title  = "${p.application_id}: event-time lag, seconds"
        region = var.region
        period = 60
        view   = "timeSeries"
        metrics = [
          [local.metrics_namespace, "access_records_event_time_lag_seconds", "ApplicationId", p.application_id, { stat = "Maximum" }],
          [local.metrics_namespace, "access_records_event_time_lag_seconds", "ApplicationId", p.application_id, { stat = "Minimum" }],
        ]
        annotations = { horizontal = [
          { label = "too old", value = var.event_time_lag_alarm_seconds },
          { label = "clock ahead", value = -1 * var.clock_ahead_alarm_seconds },
        ] }
      }
    },
    {
      type   = "metric"
      width  = 6
      height = 6
      properties = {
        title  = "${p.application_id}: streams up (min) and production errors"
        region = var.region
        period = 60
        view   = "timeSeries"
        metrics = [
          [local.metrics_namespace, "access_records_streams_up", "ApplicationId", p.application_id, { stat = "Minimum" }],
          [local.metrics_namespace, "access_records_production_errors_total", "ApplicationId", p.application_id, { stat = "Sum" }],
        ]
      }
    },
  ]]

  dashboard_lag_row = [
    {
      type   = "metric"
      width  = 12
      height = 6
      properties = {
        title  = "enricher consumer lag, raw records"
        region = var.region
        stat   = "Maximum"
        period = local.alarm_period_seconds
        view   = "timeSeries"
        metrics = [for v, p in local.pipelines :
          ["AWS/Kafka", "SumOffsetLag", "Cluster Name", aws_msk_cluster.this.cluster_name, "Consumer Group", p.application_id, "Topic", local.raw_topic]
        ]
      }
    },
    {
      type   = "metric"
      width  = 12
      height = 6
      properties = {
        title  = "S3 sink lag, seconds"
        region = var.region
        stat   = "Maximum"
        period = local.alarm_period_seconds
        view   = "timeSeries"
        metrics = [for key, sink in local.sinks :
          ["AWS/Kafka", "EstimatedMaxTimeLag", "Cluster Name", aws_msk_cluster.this.cluster_name, "Consumer Group", local.sink_groups[key], "Topic", sink.topic]
        ]
      }
    },
    {
      type   = "metric"
      width  = 24
      height = 6
      properties = {
        title  = "tables: oldest row a sink has not committed, seconds"
        region = var.region
        stat   = "Maximum"
        period = 60
        view   = "timeSeries"
        metrics = [for key, t in local.table_freshness :
          [local.metrics_namespace, "access_records_table_pending_age_seconds", "ApplicationId", local.pipelines[t[0]].application_id, "sink", local.sink_groups[t[1]]]
        ]
        annotations = { horizontal = [{ label = "alarm", value = local.table_pending_age_alarm_seconds }] }
      }
    },
  ]
}

resource "aws_cloudwatch_dashboard" "pipeline" {
  dashboard_name = "${var.stack_name}-synapse-access-records"
  dashboard_body = jsonencode({ widgets = concat(flatten(local.dashboard_version_rows), local.dashboard_lag_row) })
}
