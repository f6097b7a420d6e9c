# enricher-service on Fargate, one ECS service per pipeline version. The environment variable names are the ones
# in the configuration table of docs/service.md (EnricherTaskTest keeps them in step).
resource "aws_ecs_cluster" "this" {
  name = "${var.stack_name}-synapse-access-records"

  # Container Insights publishes RunningTaskCount, which the not-healthy alarm watches.
  setting {
    name  = "containerInsights"
    value = "enabled"
  }
}

# A null value is a setting left unset: the history topic of a version without one.
locals {
  # The service's retention settings (docs/service.md): "forever" or whole days.
  topic_retention = {
    raw         = var.raw_topic_retention_days == -1 ? "forever" : format("%dd", var.raw_topic_retention_days)
    raw_local   = var.raw_topic_local_retention_days == null ? null : format("%dd", var.raw_topic_local_retention_days)
    processed   = format("%dd", var.processed_topic_retention_days)
    dead_letter = format("%dd", var.dead_letter_topic_retention_days)
  }

  enricher_environment = { for v, p in local.pipelines : v => {
    KAFKA_BOOTSTRAP_SERVERS                     = aws_msk_cluster.this.bootstrap_brokers_sasl_iam
    ACCESS_RECORDS_MSK_IAM                      = "true"
    ACCESS_RECORDS_APPLICATION_ID               = p.application_id
    ACCESS_RECORDS_TOPICS_RAW                   = local.raw_topic
    ACCESS_RECORDS_TOPICS_PROCESSED             = p.processed_topic
    ACCESS_RECORDS_TOPICS_DEAD_LETTER           = local.dead_letter_topic
    ACCESS_RECORDS_TOPICS_HISTORY               = contains(var.history_pipeline_versions, v) ? p.history_topic : null
    ACCESS_RECORDS_TOPICS_PARTITIONS            = tostring(var.topic_partitions)
    ACCESS_RECORDS_TOPICS_REPLICATION_FACTOR    = tostring(local.replication_factor)
    ACCESS_RECORDS_STREAM_THREADS               = tostring(var.enricher_stream_threads)
    ACCESS_RECORDS_SERVING_FROM                 = local.serving_window[v].from
    ACCESS_RECORDS_SERVING_UNTIL                = local.serving_window[v].until
    ACCESS_RECORDS_TOPICS_RETENTION_RAW         = local.topic_retention.raw
    ACCESS_RECORDS_TOPICS_RETENTION_RAW_LOCAL   = local.topic_retention.raw_local
    ACCESS_RECORDS_TOPICS_RETENTION_PROCESSED   = local.topic_retention.processed
    ACCESS_RECORDS_TOPICS_RETENTION_DEAD_LETTER = local.topic_retention.dead_letter
    ACCESS_RECORDS_CLOUDWATCH_ENABLED           = "true"
    ACCESS_RECORDS_CLOUDWATCH_NAMESPACE         = local.metrics_namespace
    ACCESS_RECORDS_FRESHNESS_SINK_GROUP         = local.sink_groups[v]
    ACCESS_RECORDS_FRESHNESS_SERVING_SINK_GROUP = local.serving_sink_group[v]
    MICRONAUT_SERVER_PORT                       = "8080"
  } }
}

resource "aws_cloudwatch_log_group" "enricher" {
  for_each          = local.pipelines
  name              = "/${var.stack_name}/enricher/${each.value.application_id}"
  retention_in_days = var.log_retention_days
}

resource "aws_ecs_task_definition" "enricher" {
  for_each                 = local.pipelines
  family                   = "${var.stack_name}-${each.value.application_id}"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = var.enricher_cpu
  memory                   = var.enricher_memory
  execution_role_arn       = aws_iam_role.enricher_execution.arn
  task_role_arn            = aws_iam_role.enricher[each.key].arn

  container_definitions = jsonencode([{
    name         = "enricher-service"
    image        = var.enricher_image
    essential    = true
    portMappings = [{ containerPort = 8080, protocol = "tcp" }]
    environment  = [for name, value in local.enricher_environment[each.key] : { name = name, value = value } if value != null]
    # Ready means Kafka Streams is RUNNING or REBALANCING; the start period covers restoring the dedup store.
    healthCheck = {
      command     = ["CMD-SHELL", "curl -fsS http://localhost:8080/health/readiness || exit 1"]
      interval    = 30
      timeout     = 5
      retries     = 3
      startPeriod = 180
    }
    # Kafka Streams commits its transaction on SIGTERM within ACCESS_RECORDS_SHUTDOWN_TIMEOUT (30 s).
    stopTimeout = 60
    logConfiguration = {
      logDriver = "awslogs"
      options = {
        awslogs-group         = aws_cloudwatch_log_group.enricher[each.key].name
        awslogs-region        = var.region
        awslogs-stream-prefix = "enricher"
      }
    }
  }])
}

resource "aws_ecs_service" "enricher" {
  for_each        = local.pipelines
  name            = each.value.application_id
  cluster         = aws_ecs_cluster.this.id
  task_definition = aws_ecs_task_definition.enricher[each.key].arn
  desired_count   = var.enricher_desired_count
  launch_type     = "FARGATE"

  # Replace one task at a time: each stop is a rebalance, and exactly-once makes it safe, not free.
  deployment_minimum_healthy_percent = 50
  deployment_maximum_percent         = 100

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  network_configuration {
    subnets          = var.subnet_ids
    security_groups  = [aws_security_group.clients.id]
    assign_public_ip = false
  }
}

resource "aws_iam_role" "enricher_execution" {
  name               = "${var.stack_name}-enricher-execution"
  assume_role_policy = data.aws_iam_policy_document.ecs_execution_assume.json
}

resource "aws_iam_role_policy_attachment" "enricher_execution" {
  role       = aws_iam_role.enricher_execution.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"
}

# ECS assumes the task roles only for tasks of this account's clusters in this region (confused-deputy protection).
data "aws_iam_policy_document" "ecs_tasks_assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["ecs-tasks.amazonaws.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [local.account_id]
    }
    condition {
      test     = "ArnLike"
      variable = "aws:SourceArn"
      values   = ["arn:aws:ecs:${var.region}:${local.account_id}:*"]
    }
  }
}

# ECS documents aws:SourceArn for task roles; the execution role (image pull, logs) is held to the account only.
data "aws_iam_policy_document" "ecs_execution_assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["ecs-tasks.amazonaws.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [local.account_id]
    }
  }
}

resource "aws_iam_role" "enricher" {
  for_each           = local.pipelines
  name               = "${var.stack_name}-${each.value.application_id}"
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_assume.json
}

resource "aws_iam_role_policy" "enricher" {
  for_each = local.pipelines
  role     = aws_iam_role.enricher[each.key].id
  policy   = data.aws_iam_policy_document.enricher[each.key].json
}
