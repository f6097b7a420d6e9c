resource "aws_cloudwatch_log_group" "msk" {
  name              = "/${var.stack_name}/msk"
  retention_in_days = var.log_retention_days
}

# Topics are created by the enricher (and the sink's dead-letter topic by Connect) with explicit settings, so a
# typo in a client's topic name fails instead of creating a stray topic.
resource "aws_msk_configuration" "this" {
  name           = "${var.stack_name}-synapse-access-records"
  kafka_versions = [var.kafka_version]

  server_properties = <<-EOT
    auto.create.topics.enable=false
    default.replication.factor=${local.replication_factor}
    min.insync.replicas=${local.replication_factor > 1 ? 2 : 1}
    unclean.leader.election.enable=false
  EOT
}

resource "aws_msk_cluster" "this" {
  cluster_name           = "${var.stack_name}-synapse-access-records"
  kafka_version          = var.kafka_version
  number_of_broker_nodes = var.broker_count

  # Per-topic metrics feed the dead-letter alarms; consumer-lag metrics come at every level.
  enhanced_monitoring = "PER_TOPIC_PER_BROKER"

  broker_node_group_info {
    instance_type   = var.broker_instance_type
    client_subnets  = var.subnet_ids
    security_groups = [aws_security_group.msk.id]
    storage_info {
      ebs_storage_info {
        volume_size = var.broker_volume_gib
      }
    }
  }

  client_authentication {
    unauthenticated = false
    sasl {
      iam = true
    }
  }

  # At rest MSK always encrypts, with the AWS-managed aws/msk key unless a key ARN is given here.
  encryption_info {
    encryption_in_transit {
      client_broker = "TLS"
      in_cluster    = true
    }
  }

  configuration_info {
    arn      = aws_msk_configuration.this.arn
    revision = aws_msk_configuration.this.latest_revision
  }

  logging_info {
    broker_logs {
      cloudwatch_logs {
        enabled   = true
        log_group = aws_cloudwatch_log_group.msk.name
      }
    }
  }

  # Storage autoscaling grows the volumes; a plan must not shrink them back to broker_volume_gib (MSK cannot).
  lifecycle {
    ignore_changes = [broker_node_group_info[0].storage_info[0].ebs_storage_info[0].volume_size]
  }
}

# Each broker's volume grows when its disk is 60 % full, up to broker_volume_max_gib; MSK never shrinks one.
resource "aws_appautoscaling_target" "broker_storage" {
  service_namespace  = "kafka"
  scalable_dimension = "kafka:broker-storage:VolumeSize"
  resource_id        = aws_msk_cluster.this.arn
  min_capacity       = 1
  max_capacity       = var.broker_volume_max_gib
}

resource "aws_appautoscaling_policy" "broker_storage" {
  name               = "${var.stack_name}-broker-storage"
  policy_type        = "TargetTrackingScaling"
  service_namespace  = aws_appautoscaling_target.broker_storage.service_namespace
  scalable_dimension = aws_appautoscaling_target.broker_storage.scalable_dimension
  resource_id        = aws_appautoscaling_target.broker_storage.resource_id

  target_tracking_scaling_policy_configuration {
    target_value     = 60
    disable_scale_in = true
    predefined_metric_specification {
      predefined_metric_type = "KafkaBrokerStorageUtilization"
    }
  }
}
