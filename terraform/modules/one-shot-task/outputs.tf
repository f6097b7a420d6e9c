output "task_definition_arn" {
  description = "The task definition; each run-task starts one task of it."
  value       = aws_ecs_task_definition.this.arn
}

output "role_name" {
  description = "The task's own role."
  value       = aws_iam_role.task.name
}

output "log_group" {
  description = "Where the task's output goes."
  value       = aws_cloudwatch_log_group.this.name
}

# The command's arguments follow the command name in the container override, e.g. ["load-archive", "--bucket", ...].
output "run_task" {
  description = "The aws ecs run-task call that starts the task; add the command's arguments to the override."
  value = join(" ", [
    "aws ecs run-task --cluster ${var.cluster} --launch-type FARGATE",
    "--task-definition ${aws_ecs_task_definition.this.family}",
    "--network-configuration 'awsvpcConfiguration={subnets=[${join(",", var.subnet_ids)}],securityGroups=[${join(",", var.security_group_ids)}],assignPublicIp=DISABLED}'",
    "--overrides '{\"containerOverrides\":[{\"name\":\"${var.command}\",\"command\":[\"${var.command}\", ...]}]}'",
  ])
}

output "role_arn" {
  description = "The task's own role, for whoever starts the task (iam:PassRole)."
  value       = aws_iam_role.task.arn
}

output "service" {
  description = "The ECS service running the command with service_arguments, and the container's command; null without them."
  value = local.service_enabled ? {
    name    = aws_ecs_service.this[0].name
    command = local.service_command
  } : null
}
