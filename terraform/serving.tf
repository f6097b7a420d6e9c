# The serving folder (docs/serving.md): the rows of each version's serving window also go to the topic
# processedaccessrecord, and one more S3 sink writes them to <serving_dir>/processedaccessrecord/record_date=.../,
# the folder today's Glue table and Snowflake's nightly COPY INTO read. The topic bears the table's name because
# Confluent's S3 sink names the folder after the topic. Versions hand over at one instant, so each row reaches
# the folder once.
locals {
  serving_enabled = var.serving_dir != null
  # Today's layout, whatever var.layout says: the loaders' pattern and regex read record_date=YYYY-MM-DD.
  serving_layout = jsondecode(file("${path.module}/../connect-config/layouts/record-date.json"))

  serving_sink = local.serving_enabled ? {
    serving = {
      connector_name = "${var.stack_name}-s3-sink-serving"
      topic          = local.serving_topic
      topics_dir     = var.serving_dir
      path_format    = local.serving_layout.path_format
    }
  } : {}

  # The serving sink's group, for each version with a serving window, which measures how far the folder is
  # behind (docs/service.md#freshness); null for the others.
  serving_sink_group = { for v in local.pipeline_versions : v =>
    local.serving_enabled && try(var.serving_windows[v].from, null) != null ? lookup(local.sink_groups, "serving", null) : null
  }

  # A version's ACCESS_RECORDS_SERVING_FROM/UNTIL; null leaves the setting unset.
  serving_window = { for v in local.pipeline_versions : v => {
    from  = try(var.serving_windows[v].from, null)
    until = try(var.serving_windows[v].until, null)
  } }
}

output "serving" {
  description = "The serving sink's connector and the folder it writes (null without serving_dir), and each version's serving window."
  value = {
    connector_arn = local.serving_enabled ? aws_mskconnect_connector.s3_sink["serving"].arn : null
    folder        = local.serving_enabled ? "s3://${local.lake_bucket}/${var.serving_dir}/${local.serving_topic}/" : null
    windows       = var.serving_windows
  }
}
