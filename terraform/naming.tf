# Names every engineer's code agrees on. The shared ones are SharedNames' (schemas/), which PipelineNamingTest
# checks them against; the per-version ones follow PipelineVersion. A pipeline version vN owns its application.id,
# processed topic, topics.dir, Glue table and connector, so two versions can run side by side while the new one
# replays (blue/green); the raw and dead-letter topics are shared. A version in var.history_pipeline_versions also
# reads its own history topic (docs/replay.md).
locals {
  raw_topic              = "synapse.accessrecords.raw"
  dead_letter_topic      = "synapse.accessrecords.raw.dlq"
  sink_dead_letter_topic = "synapse.accessrecords.sink.dlq"
  serving_topic          = "processedaccessrecord"
  view_name              = var.view_name

  pipeline_versions = toset(distinct(concat([var.pipeline_version], var.extra_pipeline_versions)))

  pipelines = { for pipeline in [for v in local.pipeline_versions : {
    version         = v
    application_id  = "synapse-access-records-${v}"
    processed_topic = "synapse.accessrecords.processed.${v}"
    history_topic   = "synapse.accessrecords.history.${v}"
    topics_dir      = "processed/${v}"
    table_name      = "processedaccessrecord_${v}"
    connector_name  = "${var.stack_name}-s3-sink-${v}"
  }] : pipeline.version => pipeline }

  # One S3 sink per version (version_sinks, below) and the serving sink when there is one (serving.tf).
  sinks = merge(local.version_sinks, local.serving_sink)

  # Kafka Connect's sink consumer group is "connect-" plus the connector name.
  sink_groups = { for key, sink in local.sinks : key => format("connect-%s", sink.connector_name) }

  replication_factor = min(3, var.broker_count)

  # MSK IAM resources share the cluster ARN's name/uuid suffix, under another resource type.
  kafka_topic_arn         = replace(aws_msk_cluster.this.arn, ":cluster/", ":topic/")
  kafka_group_arn         = replace(aws_msk_cluster.this.arn, ":cluster/", ":group/")
  kafka_transactional_arn = replace(aws_msk_cluster.this.arn, ":cluster/", ":transactional-id/")

  # A version's sink reads its processed topic into its own folder, in the chosen layout.
  version_sinks = { for v, p in local.pipelines : v => {
    connector_name = p.connector_name
    topic          = p.processed_topic
    topics_dir     = local.lake_topics_dirs[v]
    path_format    = local.layout.path_format
  } }
}
