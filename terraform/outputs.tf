output "bootstrap_brokers_sasl_iam" {
  description = "Bootstrap servers for IAM clients (port 9098), e.g. the Synapse publisher and the archive loader."
  value       = aws_msk_cluster.this.bootstrap_brokers_sasl_iam
}

output "msk_cluster_arn" {
  description = "MSK cluster ARN; IAM policies for other producers of the raw topic name it."
  value       = aws_msk_cluster.this.arn
}

output "topics" {
  description = "Topic names: shared raw and dead-letter topics, and the processed topic of each running pipeline version."
  value = {
    raw              = local.raw_topic
    dead_letter      = local.dead_letter_topic
    sink_dead_letter = local.sink_dead_letter_topic
    processed        = { for v, p in local.pipelines : v => p.processed_topic }
  }
}

output "buckets" {
  description = "Lake (created or given by lake_bucket), connector plugin and Athena result buckets."
  value       = merge({ for key, bucket in aws_s3_bucket.this : key => bucket.bucket }, { lake = local.lake_bucket })
}

output "pipelines" {
  description = "Per running pipeline version: application.id, processed topic, Glue table, connector, ECS service, log groups."
  value = { for v, p in local.pipelines : v => merge(p, {
    table_location     = local.table_locations[v]
    connector_arn      = aws_mskconnect_connector.s3_sink[v].arn
    ecs_service        = aws_ecs_service.enricher[v].name
    enricher_log_group = aws_cloudwatch_log_group.enricher[v].name
    sink_log_group     = aws_cloudwatch_log_group.sink[v].name
  }) }
}

output "ecs_cluster" {
  description = "ECS cluster running the enricher services."
  value       = aws_ecs_cluster.this.name
}

output "glue_database" {
  description = "Glue database holding the versioned tables and the view (created, or given by glue_database)."
  value       = local.glue_database
}

output "athena_workgroup" {
  description = "Athena workgroup whose named queries include the dashboards' queries and the view switch."
  value       = aws_athena_workgroup.this.name
}

output "switch_view_named_query_id" {
  description = "Run this named query (Athena console, or aws athena get-named-query + start-query-execution) to point processedaccessrecord at pipeline_version."
  value       = aws_athena_named_query.switch_view.id
}

output "topic_retention" {
  description = "The retention each topic is created with and held to, as the enricher's ACCESS_RECORDS_TOPICS_RETENTION_* settings say it (docs/service.md): forever or whole days; raw_local set means a tiered raw topic."
  value       = local.topic_retention
}
