# One command of the enricher-service image run as a one-shot ECS task (aws ecs run-task), with a role of its own
# that may do only what the command does: the caller hands in that role's policy. Every command that runs to its end
# (load-archive, replay, and later ones) is one call of this module.
terraform {
  required_providers {
    aws = {
      source = "hashicorp/aws"
    }
  }
}

resource "aws_iam_role" "task" {
  name               = "${var.stack_name}-${var.command}"
  assume_role_policy = data.aws_iam_policy_document.assume.json
}

resource "aws_iam_role_policy" "this" {
  role   = aws_iam_role.task.id
  policy = var.policy_json
}

# ECS assumes the role for tasks of this account's clusters only (confused-deputy protection).
data "aws_iam_policy_document" "assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["ecs-tasks.amazonaws.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [var.account_id]
    }
    condition {
      test     = "ArnLike"
      variable = "aws:SourceArn"
      values   = ["arn:aws:ecs:${var.region}:${var.account_id}:*"]
    }
  }
}

resource "aws_cloudwatch_log_group" "this" {
  name              = "/${var.stack_name}/${var.command}"
  retention_in_days = var.log_retention_days
}

resource "aws_ecs_task_definition" "this" {
  family                   = "${var.stack_name}-${var.command}"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = var.cpu
  memory                   = var.memory
  execution_role_arn       = var.execution_role_arn
  task_role_arn            = aws_iam_role.task.arn

  container_definitions = jsonencode([{
    name        = var.command
    image       = var.image
    essential   = true
    command     = concat([var.command], var.arguments)
    environment = [for name, value in var.environment : { name = name, value = value } if value != null]
    logConfiguration = {
      logDriver = "awslogs"
      options = {
        awslogs-group         = aws_cloudwatch_log_group.this.name
        awslogs-region        = var.region
        awslogs-stream-prefix = var.command
      }
    }
  }])
}
